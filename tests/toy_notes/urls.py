from django.urls import path

from . import views

app_name = "toy_notes"
urlpatterns = [path("", views.note_list, name="note_list")]
