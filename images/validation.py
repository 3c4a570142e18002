"""Checks an uploaded photo by decoding it with Pillow, never by trusting its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

# Pillow plugins tried when opening; any other format (SVG, GIF, TIFF, PDF…) is
# refused. Phones write some JPEGs as MPO (a JPEG with extra frames), read as JPEG.
ACCEPTED_PLUGINS = ["JPEG", "PNG", "WEBP"]
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
# WebP stores at most 16,383 pixels a side; a longer strip could not be processed.
MAX_SIDE = 16383

MESSAGES = {
    "too_large": _(
        "The file is %(size)s; photos may be at most %(limit)s. "
        "Export a smaller copy and upload it again."
    ),
    "not_a_photo": _(
        "This file is not a JPEG, PNG or WebP photo (SVG and other formats are not "
        "accepted), whatever its name says. Save it as JPEG, PNG or WebP and upload it again."
    ),
    "too_many_pixels": _(
        "The photo has more than %(limit)s pixels. Export a smaller copy and upload it again."
    ),
    "too_long": _(
        "The photo is %(width)s × %(height)s pixels; neither side may be longer than "
        "%(limit)s pixels. Crop or shrink it and upload it again."
    ),
    "damaged": _(
        "The photo is damaged or incomplete and cannot be read. "
        "Export it again and upload the new file."
    ),
}


def refuse(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def open_checked(file):
    """The decoded photo in `file` (a Django File), or ValidationError saying why not.

    The cheap checks come first: the byte size, then the pixel count that the
    header declares, so a decompression bomb is refused before any pixel is decoded.
    """
    if file.size > settings.IMAGE_MAX_BYTES:
        raise refuse(
            "too_large",
            size=filesizeformat(file.size),
            limit=filesizeformat(settings.IMAGE_MAX_BYTES),
        )
    header = _open(file)
    width, height = header.size
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise too_many_pixels()
    if max(width, height) > MAX_SIDE:
        raise refuse("too_long", width=width, height=height, limit=MAX_SIDE)
    try:
        header.verify()  # checksums and structure, without decoding
        # Pillow needs a fresh image after verify(); load() decodes every pixel
        # and fails on a truncated file (LOAD_TRUNCATED_IMAGES stays False).
        photo = _open(file)
        photo.load()
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many types on hostile input
        raise refuse("damaged") from error
    return photo


def too_many_pixels():
    limit = number_format(settings.IMAGE_MAX_PIXELS, force_grouping=True)
    return refuse("too_many_pixels", limit=limit)


def _open(file):
    """Identify the photo from its header only."""
    file.seek(0)
    try:
        image = PILImage.open(file, formats=ACCEPTED_PLUGINS)
    except PILImage.DecompressionBombError as error:
        raise too_many_pixels() from error
    except PILImage.UnidentifiedImageError as error:
        raise refuse("not_a_photo") from error
    except Exception as error:  # a recognised header that is malformed
        raise refuse("damaged") from error
    if image.format not in ACCEPTED_FORMATS:
        raise refuse("not_a_photo")
    return image
