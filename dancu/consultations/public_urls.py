from django.urls import path

from . import views_public

app_name = "consultations_public"
urlpatterns = [
    path("", views_public.draft_list, name="draft_list"),
    path("<str:key>/", views_public.draft, name="draft"),
]
