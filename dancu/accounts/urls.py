from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("", views.profile, name="profile"),
    path("ma-api/tao/", views.token_create, name="token_create"),
    path("ma-api/<int:token_id>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("xac-thuc-hai-buoc/", views.totp_setup, name="totp_setup"),
    path("xac-thuc-hai-buoc/tat/", views.totp_disable, name="totp_disable"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
]
