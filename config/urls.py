from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .api import api

admin.site.site_header = "Dân cử"
admin.site.site_title = "Dân cử"

urlpatterns: list = [
    path("", include("dancu.core.urls")),
    path("tai-khoan/", include("dancu.accounts.urls")),
    path("danh-ba/", include("dancu.directory.urls")),
    path("kien-nghi/", include("dancu.petitions.urls")),
    path("don-thu/", include("dancu.letters.urls")),
    path("ky-hop/", include("dancu.council.urls")),
    # Public pages: no sign-in, never any personal data.
    path("cong-khai/kien-nghi/", include("dancu.petitions.public_urls")),
    path("cong-khai/don-thu/", include("dancu.letters.public_urls")),
    path("cong-khai/ky-hop/", include("dancu.council.public_urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
