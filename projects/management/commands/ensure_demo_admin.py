"""The demo's superuser, for `make run` only: created once, never reset."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo superuser named in the README if the database has no superuser yet. "
        "An existing account is never changed, so a changed password stays changed."
    )

    def handle(self, *args, **options):
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists already: no demo account created.")
            return
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        if users.filter(username=username).exists():
            self.stdout.write(f"An account “{username}” exists already: left unchanged.")
            return
        users.create_superuser(
            username=username,
            email=f"{username}@qingdao.example",
            password=os.environ.get("DEMO_ADMIN_PASSWORD", "invest-qingdao-demo"),
        )
        self.stdout.write(self.style.SUCCESS(f"Created demo admin “{username}”."))
