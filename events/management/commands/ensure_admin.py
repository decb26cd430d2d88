"""``python manage.py ensure_admin``: create the admin account once.

The password comes from ADMIN_PASSWORD, or is generated and printed once. A second run leaves an
existing account alone (and prints nothing secret).
"""

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

TWO_FACTOR_HOWTO = (
    "Two-factor sign-in is optional: sign in with the password alone, then open /admin/two-factor/ "
    '("Two-factor sign-in" in the admin\'s top-right links), scan the QR code with an authenticator app '
    "and confirm a code. From then on the login page needs the app's six-digit code as well."
)


class Command(BaseCommand):
    help = "Create the admin account (username from ADMIN_USERNAME, default 'admin') if it does not exist."

    def handle(self, *args: Any, **options: Any) -> None:
        username = os.environ.get("ADMIN_USERNAME", "admin")
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' already exists.")
            self.stdout.write(TWO_FACTOR_HOWTO)
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(f"Created admin account '{username}' with the password from ADMIN_PASSWORD.")
        else:
            self.stdout.write(self.style.WARNING(f"Created admin account '{username}' with password: {password}"))
            self.stdout.write("It is shown only this once; set ADMIN_PASSWORD to choose your own.")
        self.stdout.write(TWO_FACTOR_HOWTO)
