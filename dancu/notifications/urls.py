from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("chuong/", views.bell, name="bell"),
    path("<int:notification_id>/da-doc/", views.notification_read, name="read"),
    path("da-doc-tat-ca/", views.notification_read_all, name="read_all"),
    path("cai-dat/", views.preferences, name="preferences"),
    path("viec-cua-toi/", views.my_work, name="my_work"),
]
