from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    verbose_name = _("Enquiries")

    def ready(self):
        # The background worker finds the email builders by kind (replies, bookings,
        # reply targets); desk managers get the permission to see the desks' performance.
        # The retention job registers itself with the scheduler on import.
        from . import desk_managers, retention, sla_emails  # noqa: F401
        from .bookings import emails as booking_emails  # noqa: F401
        from .replies import emails as reply_emails  # noqa: F401
