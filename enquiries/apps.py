from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    verbose_name = _("Enquiries")

    def ready(self):
        # The background worker finds the builders of the reply-target emails;
        # desk managers get the permission to see the desks' performance.
        from . import desk_managers, sla_emails  # noqa: F401
