from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("quy-che/", views.regulation_list, name="regulation_list"),
    path("quy-che/tao/", views.regulation_create, name="regulation_create"),
    path("quy-che/<int:regulation_id>/", views.regulation_detail, name="regulation_detail"),
    path("quy-che/<int:regulation_id>/sua/", views.regulation_edit, name="regulation_edit"),
    path("quy-che/<int:regulation_id>/xoa/", views.regulation_delete, name="regulation_delete"),
    path("quy-che/<int:regulation_id>/linh-vuc/", views.area_set, name="area_set"),
    path("linh-vuc/<int:area_id>/xoa/", views.area_delete, name="area_delete"),
    path("quy-che/<int:regulation_id>/so-ket/", views.review_create, name="review_create"),
    path("so-ket/<int:review_id>/", views.review_detail, name="review_detail"),
    path("so-ket/<int:review_id>/bao-cao.docx", views.review_docx, name="review_docx"),
    path("so-ket/<int:review_id>/xoa/", views.review_delete, name="review_delete"),
    path("giao-ban/", views.meeting_list, name="meeting_list"),
    path("giao-ban/tao/", views.meeting_create, name="meeting_create"),
    path("giao-ban/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("giao-ban/<int:meeting_id>/sua/", views.meeting_edit, name="meeting_edit"),
    path("giao-ban/<int:meeting_id>/xoa/", views.meeting_delete, name="meeting_delete"),
    path("giao-ban/<int:meeting_id>/buoc/", views.meeting_transition, name="meeting_transition"),
    path("giao-ban/<int:meeting_id>/ket-luan/", views.conclusions_set, name="conclusions_set"),
    path("giao-ban/<int:meeting_id>/y-kien/", views.opinion_add, name="opinion_add"),
    path("y-kien/<int:opinion_id>/xoa/", views.opinion_delete, name="opinion_delete"),
    path("giao-ban/<int:meeting_id>/giay-moi.docx", views.invitation_docx, name="invitation_docx"),
    path(
        "giao-ban/<int:meeting_id>/thong-bao-ket-luan.docx", views.conclusions_docx, name="conclusions_docx"
    ),
    path("giao-ban/<int:meeting_id>/bao-cao/<int:body_id>/", views.report_submit, name="report_submit"),
    path("bao-cao/<int:report_id>/xoa/", views.report_delete, name="report_delete"),
    path("bao-cao/<int:report_id>/tep/", views.report_file, name="report_file"),
    path("giao-ban/<int:meeting_id>/nhiem-vu/", views.task_add, name="task_add"),
    path("nhiem-vu/", views.task_list, name="task_list"),
    path("nhiem-vu/<int:task_id>/", views.task_detail, name="task_detail"),
    path("nhiem-vu/<int:task_id>/buoc/", views.task_transition, name="task_transition"),
    path("nhiem-vu/<int:task_id>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:task_id>/xoa/", views.task_delete, name="task_delete"),
]
