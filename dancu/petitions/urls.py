from django.urls import path

from . import views

app_name = "petitions"
urlpatterns = [
    path("", views.round_list, name="round_list"),
    path("dot/them/", views.round_create, name="round_create"),
    path("dot/<int:round_id>/", views.round_detail, name="round_detail"),
    path("dot/<int:round_id>/cong-khai/", views.round_publish, name="round_publish"),
    path("dot/<int:round_id>/hoi-nghi/them/", views.meeting_create, name="meeting_create"),
    path("dot/<int:round_id>/tong-hop/", views.consolidation, name="consolidation"),
    path("dot/<int:round_id>/tong-hop/thao-tac/", views.consolidation_action, name="consolidation_action"),
    path("dot/<int:round_id>/chuyen/", views.batch_list, name="batch_list"),
    path("dot/<int:round_id>/bao-cao-tong-hop/", views.report_synthesis, name="report_synthesis"),
    path("dot/<int:round_id>/bao-cao-ket-qua/", views.report_results, name="report_results"),
    path("hoi-nghi/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("hoi-nghi/<int:meeting_id>/nhap/", views.opinion_import, name="opinion_import"),
    path("nhap/<int:job_id>/", views.opinion_import_job, name="opinion_import_job"),
    path("nhap/mau.xlsx", views.opinion_template_download, name="opinion_template"),
    path("kien-nghi/", views.petition_list, name="petition_list"),
    path("kien-nghi/goi-y/", views.petition_suggest, name="petition_suggest"),
    path("kien-nghi/xuat-excel/", views.petition_export, name="petition_export"),
    path("kien-nghi/<int:petition_id>/", views.petition_detail, name="petition_detail"),
    path("tra-loi/<int:answer_id>/danh-gia/", views.answer_review, name="answer_review"),
    path("tra-loi/<int:answer_id>/tep/", views.answer_file, name="answer_file"),
    path("chuyen/<int:batch_id>/", views.batch_detail, name="batch_detail"),
    path("chuyen/<int:batch_id>/cong-van.docx", views.batch_letter, name="batch_letter"),
    path("tong-quan/", views.dashboard, name="dashboard"),
    path("co-quan/", views.agency_inbox, name="agency_inbox"),
    path("co-quan/<int:batch_id>/", views.agency_batch, name="agency_batch"),
]
