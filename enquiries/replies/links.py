"""Signed links to an enquiry's thread page: references can be guessed, signatures cannot."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

# Each reply email carries a fresh link, so an old one may expire.
MAX_AGE = datetime.timedelta(days=180)


class BadLink(Exception):
    """Forged, tampered with, or for an enquiry that does not exist."""


class ExpiredLink(BadLink):
    pass


def _signer(enquiry):
    # The salt ties a signature to one enquiry and its address: correcting the
    # investor's email retires the links sent to the old one.
    salt = f"enquiries.thread:{enquiry.pk}:{enquiry.email.lower()}"
    return signing.TimestampSigner(salt=salt)


def make_token(enquiry):
    return _signer(enquiry).sign(str(enquiry.pk))


def enquiry_pk(token):
    """The enquiry a token claims to be for; checked against its signature later."""
    pk, separator, _rest = token.partition(":")
    if not separator or not (pk.isascii() and pk.isdigit()) or len(pk) > 18:
        raise BadLink(token)
    return int(pk)


def check(token, enquiry):
    try:
        value = _signer(enquiry).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredLink(token) from error
    except signing.BadSignature as error:
        raise BadLink(token) from error
    if value != str(enquiry.pk):
        raise BadLink(token)


def thread_path(enquiry, language=None):
    with translation.override(language or translation.get_language()):
        return reverse("enquiries:thread", args=[make_token(enquiry)])


def thread_url(enquiry):
    """The absolute link for emails, in the investor's language."""
    return settings.SITE_URL + thread_path(enquiry, enquiry.language)
