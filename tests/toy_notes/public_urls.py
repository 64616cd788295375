from django.urls import path

from . import views

app_name = "toy_notes_public"
urlpatterns = [path("", views.public_notes, name="notes")]
