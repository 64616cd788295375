from django.urls import path

from . import views_public

app_name = "supervision_public"
urlpatterns = [
    path("", views_public.document_list, name="document_list"),
    path("<int:document_id>/", views_public.document_detail, name="document_detail"),
]
