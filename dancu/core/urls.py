from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tim-kiem/", views.search, name="search"),
    path("nhat-ky/", views.audit_list, name="audit_list"),
]
