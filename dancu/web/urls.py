from django.urls import path

from . import views, views_users

app_name = "web"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tim-kiem/", views.search, name="search"),
    path("nhat-ky/", views.audit_list, name="audit_list"),
    path("suc-khoe/", views.health, name="health"),
    path("cong-khai/", views.public_home, name="public_home"),
    path("trang-thai-he-thong/", views.system_status, name="system_status"),
    path("tai-khoan/nguoi-dung/", views_users.user_list, name="user_list"),
    path("tai-khoan/nguoi-dung/tao/", views_users.user_create, name="user_create"),
    path("tai-khoan/nguoi-dung/<int:user_id>/giao-quyen/", views_users.role_assign, name="role_assign"),
    path("tai-khoan/vai-tro/<int:assignment_id>/thu-hoi/", views_users.role_revoke, name="role_revoke"),
    path(
        "tai-khoan/nguoi-dung/<int:user_id>/cap-lai-mat-khau/",
        views_users.password_reset,
        name="password_reset",
    ),
    path("tai-khoan/nguoi-dung/<int:user_id>/mo-khoa/", views_users.lockout_clear, name="lockout_clear"),
]
