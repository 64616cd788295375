from django.urls import path

from . import views, views_import

app_name = "letters"
urlpatterns = [
    path("", views.register, name="register"),
    path("xuat-excel/", views.register_export, name="register_export"),
    path("tiep-nhan/", views.letter_create, name="letter_create"),
    path("tiep-nhan/trung-lap/", views.intake_duplicates, name="intake_duplicates"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("bao-cao-6-thang/", views.report_docx, name="report_docx"),
    path("lich-tiep-cong-dan/", views.reception_days, name="reception_days"),
    path("lich-tiep-cong-dan/<int:day_id>/", views.reception_day_detail, name="reception_day_detail"),
    path("lich-tiep-cong-dan/<int:day_id>/sua/", views.reception_day_edit, name="reception_day_edit"),
    path("lich-tiep-cong-dan/<int:day_id>/xoa/", views.reception_day_delete, name="reception_day_delete"),
    path("luot-tiep/<int:visit_id>/tao-don/", views.visit_letter, name="visit_letter"),
    path("luot-tiep/<int:visit_id>/sua/", views.visit_edit, name="visit_edit"),
    path("luot-tiep/<int:visit_id>/xoa/", views.visit_delete, name="visit_delete"),
    path("tieu-huy/", views.destruction_list, name="destruction_list"),
    path("nhap-excel/", views_import.import_page, name="import_page"),
    path("nhap-excel/mau/", views_import.import_template, name="import_template"),
    path("nhap-excel/<int:job_id>/", views_import.import_job, name="import_job"),
    path("<int:letter_id>/", views.letter_detail, name="letter_detail"),
    path("<int:letter_id>/sua/", views.letter_edit, name="letter_edit"),
    path("<int:letter_id>/xoa/", views.letter_delete, name="letter_delete"),
    path("<int:letter_id>/danh-tinh/", views.letter_reveal, name="letter_reveal"),
    path("<int:letter_id>/xu-ly/<slug:action>/", views.letter_action, name="letter_action"),
    path("<int:letter_id>/van-ban/<slug:doc>/", views.letter_document, name="letter_document"),
    path("<int:letter_id>/tep/<int:attachment_id>/", views.letter_attachment, name="letter_attachment"),
]
