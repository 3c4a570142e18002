"""Turns an accepted upload into a clean original and its renditions, once."""

import io
from dataclasses import dataclass, field

from django.conf import settings
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps

from .validation import ACCEPTED_PLUGINS, open_checked

# File extension and Pillow save options per output format. Saving without
# `exif`, `icc_profile` or `xmp` arguments, from an image whose `info` is empty,
# writes no metadata at all: no camera GPS position leaves the server.
# The original is encoded while the upload is saved, so with the fastest settings
# (WebP method 0, light PNG compression): pages mostly load the renditions.
ORIGINAL_OPTIONS = {
    "JPEG": ("jpg", {"quality": 90}),
    "PNG": ("png", {"optimize": False, "compress_level": 1}),
    "WEBP": ("webp", {"quality": 90, "method": 0}),
}
RENDITION_OPTIONS = {
    "webp": ("WEBP", {"quality": 78, "method": 4}),
    "jpg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
}
RENDITION_EXTENSIONS = tuple(RENDITION_OPTIONS)
SRGB = ImageCms.createProfile("sRGB")


@dataclass
class ProcessedPhoto:
    extension: str
    original: bytes
    width: int
    height: int
    # {(width, extension): bytes}
    renditions: dict = field(default_factory=dict)

    @property
    def rendition_widths(self):
        return sorted({width for width, _ext in self.renditions})


def rendition_widths(original_width):
    """The configured widths below the original's, plus the largest useful one.

    Never upscales: a 1200-px photo gets 480, 960 and 1200; a 1000-px photo
    only 480 and 960, as a 1000-px copy would hardly differ from the 960 one.
    """
    configured = sorted(settings.IMAGE_RENDITION_WIDTHS)
    widths = [w for w in configured if w < original_width]
    largest = min(original_width, configured[-1])
    if not widths or largest > widths[-1] * 1.2:
        widths.append(largest)
    return widths


def clean(file):
    """Validate `file`, then return the upright, metadata-free original (no renditions yet).

    This is the part done while the upload is saved: the page can show the original at once.
    """
    photo, result = _cleaned(file)
    return result


def process(file):
    """Validate `file`, then return the upright, metadata-free photo and its renditions."""
    photo, result = _cleaned(file)
    result.renditions = renditions_of(photo)
    return result


def _cleaned(file):
    decoded = open_checked(file)
    source_format = "JPEG" if decoded.format == "MPO" else decoded.format
    photo = clean_pixels(decoded)
    extension, options = ORIGINAL_OPTIONS[source_format]
    result = ProcessedPhoto(
        extension=extension,
        original=encode(photo, source_format, options),
        width=photo.width,
        height=photo.height,
    )
    return photo, result


def renditions_of(photo):
    """{(width, extension): bytes} for a clean photo (a Pillow image).

    Largest first, each from the one before: a big photo is resampled once
    at full size, then from ever smaller copies (much faster, same look).
    """
    renditions = {}
    source = photo
    for width in reversed(rendition_widths(photo.width)):
        source = resize(source, width)
        for ext, (fmt, opts) in RENDITION_OPTIONS.items():
            renditions[(width, ext)] = encode(source, fmt, opts)
    return renditions


def renditions_of_stored(file):
    """Renditions of a stored original, which `clean` wrote (so within the pixel limits,
    upright and metadata-free; its byte size may exceed the upload limit)."""
    with PILImage.open(file, formats=ACCEPTED_PLUGINS) as photo:
        photo.load()
        mode = "RGBA" if has_alpha(photo) else "RGB"
        return renditions_of(photo if photo.mode == mode else photo.convert(mode))


def clean_pixels(decoded):
    """Upright pixels in sRGB, with no metadata attached (changed in place where possible)."""
    ImageOps.exif_transpose(decoded, in_place=True)
    photo = to_srgb(decoded)
    photo.info = {}
    return photo


def has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def to_srgb(image):
    """RGB or RGBA pixels; colours converted from an embedded profile, which is then dropped."""
    mode = "RGBA" if has_alpha(image) else "RGB"
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: keep the pixels as they are
    return image if image.mode == mode else image.convert(mode)


def resize(photo, width):
    if width == photo.width:
        return photo
    height = max(1, round(photo.height * width / photo.width))
    return photo.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)


def encode(photo, fmt, options):
    if fmt == "JPEG" and photo.mode == "RGBA":
        # JPEG has no transparency: put transparent areas on white.
        flat = PILImage.new("RGB", photo.size, "white")
        flat.paste(photo, mask=photo.getchannel("A"))
        photo = flat
    buffer = io.BytesIO()
    photo.save(buffer, fmt, **options)
    return buffer.getvalue()
