from django.urls import path

from . import views

app_name = "petitions_public"
urlpatterns = [
    path("", views.public_round_list, name="round_list"),
    path("dot/<int:round_id>/", views.public_round_detail, name="round_detail"),
    path("tra-cuu/", views.public_lookup, name="lookup"),
    path("tra-loi/<int:answer_id>/tep/", views.public_answer_file, name="answer_file"),
]
