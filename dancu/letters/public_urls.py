from django.urls import path

from . import views

app_name = "letters_public"
urlpatterns = [
    path("", views.public_index, name="index"),
    path("gui-don/", views.public_submit, name="submit"),
    path("gui-don/da-nhan/", views.public_receipt, name="receipt"),
    path("tra-cuu/", views.public_status, name="status"),
]
