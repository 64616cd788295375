from django.urls import path  # noqa: F401

app_name = "petitions_public"
urlpatterns: list = []
