"""The privacy notice: what the enquiry form collects, why, for whom and for how long."""

from datetime import date

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

# Change it with the notice's text.
NOTICE_UPDATED = date(2026, 12, 2)


def period(days):
    """A retention period as people say it: "3 years", else "90 days"."""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


@require_safe
def privacy_notice(request):
    context = {
        "retention": period(settings.ENQUIRY_RETENTION_DAYS),
        "log_retention": period(settings.ACCESS_LOG_RETENTION_DAYS),
        "subscription_confirm": period(settings.SUBSCRIPTION_CONFIRM_DAYS),
        "contact_email": settings.PRIVACY_CONTACT_EMAIL,
        "updated": NOTICE_UPDATED,
    }
    return render(request, "privacy.html", context)
