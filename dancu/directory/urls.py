from django.urls import path

from . import views, views_import

app_name = "directory"
urlpatterns = [
    path("co-quan/", views.body_list, name="body_list"),
    path("co-quan/<int:body_id>/", views.body_detail, name="body_detail"),
    path("nhan-su/", views.person_list, name="person_list"),
    path("nhan-su/<int:person_id>/", views.person_detail, name="person_detail"),
    path("don-vi-hanh-chinh/", views.unit_list, name="unit_list"),
    path("don-vi-hanh-chinh/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("nhap-dai-bieu/", views_import.import_page, name="import_page"),
    path("nhap-dai-bieu/mau.xlsx", views_import.import_template, name="import_template"),
    path("nhap-dai-bieu/<int:job_id>/", views_import.import_job, name="import_job"),
]
