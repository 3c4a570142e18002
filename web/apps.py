from django.apps import AppConfig


class WebConfig(AppConfig):
    """Cross-cutting web code: page cache, security, health, logs, errors, staff sign-in."""

    name = "web"
    verbose_name = "Web"

    def ready(self):
        from . import checks, invalidation, security  # noqa: F401  (checks and receivers)

        invalidation.watch_every_connection()
