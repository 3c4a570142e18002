"""The weekly digest: who gets it, in which language, and what it says."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.content_types import EDITOR
from staff.selectors import admin_language

from . import selectors, services
from .models import EditorDigest

# A second run within this time (a late or repeated job) sends nothing.
RESEND_AFTER = timedelta(days=6)


def editors():
    """Active staff in the Editor group who have an email address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name=EDITOR)
        .exclude(email="")
        .distinct()
    )


def language_of(user):
    """The editor's admin language; else the one they last read the dashboard in; else
    the site's default."""
    chosen = admin_language(user)
    if chosen:
        return chosen
    digest = EditorDigest.objects.filter(user=user).first()
    return digest.language if digest else settings.LANGUAGE_CODE


def recently_sent(user, now):
    return EditorDigest.objects.filter(user=user, last_sent_at__gt=now - RESEND_AFTER).exists()


def send(user, now=None):
    """Email the editor what needs attention; False when nothing does (or it just went)."""
    now = now or timezone.now()
    if recently_sent(user, now):
        return False
    with translation.override(language_of(user)):
        sections = selectors.attention(user=user, now=now)
        if not selectors.needs_attention(sections):
            return False
        body = render_to_string(
            "dashboard/email/digest.txt",
            {
                "user": user,
                "sections": [section for section in sections if section.items],
                "site": settings.SITE_URL,
                "dashboard": settings.SITE_URL + reverse("editors_dashboard"),
                "limit": selectors.LIMIT,
            },
        )
        subject = _("Invest Qingdao: what needs attention this week")
    EmailMessage(subject, body, to=[user.email]).send()
    services.digest_sent(user=user, when=now)
    return True
