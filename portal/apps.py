from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        import portal.checks  # noqa: F401  (registers the deploy checks)

        from . import caching, security  # noqa: F401  (connect their signal receivers)
