from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    verbose_name = _("Enquiries")

    def ready(self):
        # The worker finds the email builders of replies and bookings by kind.
        from .bookings import emails as booking_emails  # noqa: F401
        from .replies import emails as reply_emails  # noqa: F401
