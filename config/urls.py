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
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
