"""URLs, from the modules' manifests: staff pages under each module's prefix, public pages
under /cong-khai/, the API under /api/v1/. No uploaded file is ever served from /media/."""

from django.contrib import admin
from django.urls import path

from dancu.core import modules

from .api import api

admin.site.site_header = "Dân cử"
admin.site.site_title = "Dân cử"

urlpatterns: list = [
    *modules.urlpatterns(),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

# Under /api/ a missing page answers in the API's error format (JSON), not an HTML page.
handler404 = "dancu.web.views.not_found"
