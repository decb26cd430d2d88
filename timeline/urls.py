"""Root URLs: the admin, the researchers' API, the public pages, and the probes and metrics."""

from django.contrib import admin
from django.urls import include, path

from timeline import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("", include("timeline.urls_public")),
]

# No stack trace ever reaches a client; a lost database connection answers 503 (timeline.health).
handler500 = "timeline.health.server_error"
