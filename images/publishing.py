"""The publishing rule for photos: alt text in every language."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from localisation import languages


def requires_alt(owner):
    """A published or scheduled record must describe its photos in every language."""
    status = getattr(owner, "Status", None)
    return status is not None and getattr(owner, "status", None) == status.PUBLISHED


def missing_alt_languages(image):
    """(language name, column) for each required language in which `image` has no alt text."""
    required = languages.required()
    return [
        (label, build_localized_fieldname("alt", code))
        for code, label in settings.LANGUAGES
        if code in required
        and not (getattr(image, build_localized_fieldname("alt", code)) or "").strip()
    ]


def images_missing_alt(owner):
    """The owner's photos lacking alt text in some language; for the owner's own checks."""
    images = getattr(owner, "images", None)
    if images is None:
        return []  # a record type without photos
    return [image for image in images.all() if missing_alt_languages(image)]
