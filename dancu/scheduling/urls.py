from django.urls import path

from . import views

app_name = "scheduling"
urlpatterns = [
    path("", views.calendar_view, name="calendar"),
    path("su-kien/tao/", views.event_create, name="event_create"),
    path("su-kien/trung-lich/", views.clash_check, name="clash_check"),
    path("su-kien/tai-ve.ics", views.event_ics, name="event_ics"),
    path("su-kien/<int:event_id>/", views.event_detail, name="event_detail"),
    path("su-kien/<int:event_id>/sua/", views.event_edit, name="event_edit"),
    path("su-kien/<int:event_id>/huy/", views.event_cancel, name="event_cancel"),
    path("su-kien/<int:event_id>/xoa/", views.event_delete, name="event_delete"),
    path("phong-hop/", views.hall_list, name="hall_list"),
    path("phong-hop/<int:hall_id>/xoa/", views.hall_delete, name="hall_delete"),
    path("nhap/", views.import_page, name="import"),
    path("nhap/mau-lich-tuan.xlsx", views.excel_template, name="excel_template"),
    path("nhap/dang-ky/<int:subscription_id>/lay-ngay/", views.subscription_fetch, name="subscription_fetch"),
    path("nhap/dang-ky/<int:subscription_id>/xoa/", views.subscription_delete, name="subscription_delete"),
    path("dong-bo/", views.feed_list, name="feed_list"),
    path("dong-bo/<int:feed_id>/thu-hoi/", views.feed_revoke, name="feed_revoke"),
    path("ics/<str:token>.ics", views.feed, name="feed"),
    path("chuan-bi-ky-hop/", views.planning_view, name="planning"),
]
