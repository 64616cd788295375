"""URLs, from the modules' manifests: staff pages under each module's prefix, public pages
under /cong-khai/, the API under /api/v1/. No uploaded file is ever served from /media/."""

from django.contrib import admin
from django.urls import include, path

from dancu.core.modules import manifests

from .api import api

admin.site.site_header = "Dân cử"
admin.site.site_title = "Dân cử"

urlpatterns: list = []
for manifest in manifests():
    if manifest.urls:
        urlpatterns.append(path(manifest.url_prefix, include(manifest.urls)))
    if manifest.public_urls:
        # Public pages: no sign-in, never any personal data.
        urlpatterns.append(path(f"cong-khai/{manifest.public_prefix}", include(manifest.public_urls)))
urlpatterns += [
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
