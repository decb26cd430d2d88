"""Root URLs: the admin, the researchers' API and the public pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("timeline.urls_public")),
]
