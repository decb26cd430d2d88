"""``django.contrib.admin``'s app config with our admin site as ``admin.site``, and the sign-in log.

Kept apart from :mod:`timeline.admin_site`: an app config module is imported while the app registry is
still loading, before the models the admin site's form imports can be.
"""

from django.contrib.admin.apps import AdminConfig


class TimelineAdminConfig(AdminConfig):
    """The admin app, with :class:`timeline.admin_site.TimelineAdminSite` as the default site."""

    default_site = "timeline.admin_site.TimelineAdminSite"

    def ready(self) -> None:
        super().ready()
        # Every sign-in attempt (admin form or the API's token exchange) is logged: timeline.login_log.
        from timeline import login_log

        login_log.connect()
