"""What makes an enquiry submission safe to repeat and to show: one-time tokens,
the signed reference on the thank-you page, and text without invisible characters.
"""

import secrets
import unicodedata

from django.core import signing

TOKEN_SALT = "enquiries.submission-token"
REFERENCE_SALT = "enquiries.thanks-reference"
# A form left open longer than this is refused (with a fresh token to send it again).
TOKEN_MAX_AGE = 2 * 24 * 3600

# Line and paragraph separators are invisible breaks, like the controls.
SEPARATORS = {"\u2028", "\u2029"}
# Kept in the message: the line breaks and tabs people type.
MESSAGE_WHITESPACE = {"\n", "\r", "\t"}


# One-time tokens ------------------------------------------------------------------------


def issue_token():
    """A new hidden-field value: a random token, signed with the time it was issued."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(secrets.token_urlsafe(16))


def read_token(value):
    """The token inside a signed value, or None if it is forged, damaged or too old."""
    try:
        return signing.TimestampSigner(salt=TOKEN_SALT).unsign(
            str(value or ""), max_age=TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        return None


# The reference on the thank-you page ----------------------------------------------------


def sign_reference(reference):
    return signing.Signer(salt=REFERENCE_SALT).sign(reference)


def read_reference(value):
    try:
        return signing.Signer(salt=REFERENCE_SALT).unsign(str(value or ""))
    except signing.BadSignature:
        return None


# Invisible characters -------------------------------------------------------------------


def is_invisible(character, multiline=False):
    """Controls (C0, C1, DEL) and formatting characters (bidi overrides and isolates,
    zero-width spaces and joiners, the byte-order mark): they change how text is shown
    or hide parts of it, so they are never stored. A message keeps its line breaks."""
    if multiline and character in MESSAGE_WHITESPACE:
        return False
    return unicodedata.category(character) in {"Cc", "Cf"} or character in SEPARATORS


def strip_invisible(text, multiline=False):
    """`text` without invisible characters; in one-line text a tab or break becomes a space."""
    return "".join(
        (" " if character in MESSAGE_WHITESPACE else "")
        if is_invisible(character, multiline)
        else character
        for character in text
    )
