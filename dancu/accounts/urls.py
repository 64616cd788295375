from django.urls import path

from . import views, views_users

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("", views.profile, name="profile"),
    path("ma-api/tao/", views.token_create, name="token_create"),
    path("ma-api/<int:token_id>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("xac-thuc-hai-buoc/", views.totp_setup, name="totp_setup"),
    path("xac-thuc-hai-buoc/tat/", views.totp_disable, name="totp_disable"),
    path("nguoi-dung/", views_users.user_list, name="user_list"),
    path("nguoi-dung/tao/", views_users.user_create, name="user_create"),
    path("nguoi-dung/<int:user_id>/giao-quyen/", views_users.role_assign, name="role_assign"),
    path("vai-tro/<int:assignment_id>/thu-hoi/", views_users.role_revoke, name="role_revoke"),
]
