from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("chuong-trinh/tao/", views.programme_create, name="programme_create"),
    path("chuong-trinh/<int:programme_id>/", views.programme_detail, name="programme_detail"),
    path("chuong-trinh/<int:programme_id>/sua/", views.programme_edit, name="programme_edit"),
    path("chuong-trinh/<int:programme_id>/xoa/", views.programme_delete, name="programme_delete"),
    path(
        "chuong-trinh/<int:programme_id>/chuyen-trang-thai/",
        views.programme_transition,
        name="programme_transition",
    ),
    path("chuong-trinh/<int:programme_id>/hoat-dong/tao/", views.activity_create, name="activity_create"),
    path("de-xuat/", views.proposal_list, name="proposal_list"),
    path("de-xuat/tao/", views.proposal_create, name="proposal_create"),
    path("de-xuat/tu-kien-nghi/", views.proposal_from_petition, name="proposal_from_petition"),
    path("de-xuat/<int:proposal_id>/sua/", views.proposal_edit, name="proposal_edit"),
    path("de-xuat/<int:proposal_id>/xoa/", views.proposal_delete, name="proposal_delete"),
    path("de-xuat/<int:proposal_id>/tong-hop/", views.proposal_compile, name="proposal_compile"),
    path("hoat-dong/<int:activity_id>/", views.activity_detail, name="activity_detail"),
    path("hoat-dong/<int:activity_id>/sua/", views.activity_edit, name="activity_edit"),
    path("hoat-dong/<int:activity_id>/xoa/", views.activity_delete, name="activity_delete"),
    path(
        "hoat-dong/<int:activity_id>/chuyen-trang-thai/",
        views.activity_transition,
        name="activity_transition",
    ),
    path("hoat-dong/<int:activity_id>/doan/", views.team_save, name="team_save"),
    path("hoat-dong/<int:activity_id>/thanh-vien/", views.member_add, name="member_add"),
    path("hoat-dong/<int:activity_id>/lam-viec/", views.work_session_add, name="work_session_add"),
    path(
        "hoat-dong/<int:activity_id>/bao-cao-doi-tuong/",
        views.agency_report_receive,
        name="agency_report_receive",
    ),
    path("hoat-dong/<int:activity_id>/van-ban/", views.document_issue, name="document_issue"),
    path("hoat-dong/<int:activity_id>/van-ban/<str:kind>.docx", views.document_docx, name="document_docx"),
    path(
        "hoat-dong/<int:activity_id>/van-ban/<str:kind>/cong-khai/",
        views.document_publish,
        name="document_publish",
    ),
    path(
        "hoat-dong/<int:activity_id>/van-ban/<str:kind>/ban-chinh-thuc/",
        views.document_finalize,
        name="document_finalize",
    ),
    path("hoat-dong/<int:activity_id>/kien-nghi/", views.recommendation_create, name="recommendation_create"),
    path("dieu-hoa/", views.coordination_screen, name="coordination"),
    path("dieu-hoa/xu-ly/", views.coordination_resolve, name="coordination_resolve"),
    path("kien-nghi/", views.recommendation_list, name="recommendation_list"),
    path("kien-nghi/<int:recommendation_id>/", views.recommendation_detail, name="recommendation_detail"),
    path(
        "kien-nghi/<int:recommendation_id>/tra-loi/",
        views.recommendation_answer,
        name="recommendation_answer",
    ),
    path(
        "kien-nghi/<int:recommendation_id>/quyet-dinh/",
        views.recommendation_decide,
        name="recommendation_decide",
    ),
    path(
        "kien-nghi/<int:recommendation_id>/don-doc/",
        views.recommendation_escalate,
        name="recommendation_escalate",
    ),
    path("minh-chung/<int:answer_id>/", views.evidence_download, name="evidence_download"),
    path("so-lieu/", views.figures, name="figures"),
    path("so-lieu/so-lieu.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("so-lieu/bao-cao.docx", views.figures_docx, name="figures_docx"),
]
