from django.urls import path

from . import views_public

app_name = "council_public"
urlpatterns = [
    path("", views_public.session_list, name="session_list"),
    path("<int:session_id>/", views_public.session_detail, name="session_detail"),
    path("nghi-quyet/", views_public.resolution_list, name="resolution_list"),
    path("nghi-quyet/<int:resolution_id>/", views_public.resolution_detail, name="resolution_detail"),
    path("nghi-quyet/<int:resolution_id>/van-ban.docx", views_public.resolution_docx, name="resolution_docx"),
    path("tai-lieu/<int:submission_id>/tep/", views_public.file_download, name="file_download"),
    path("tin-nhiem/<int:confidence_id>/", views_public.confidence_detail, name="confidence_detail"),
]
