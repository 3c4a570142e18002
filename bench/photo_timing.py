"""Where the time goes for a 40-megapixel WebP upload: in the request, and in the worker.

.venv/bin/python bench/photo_timing.py
"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from PIL import Image, ImageChops  # noqa: E402

from images import processing  # noqa: E402

SIZE = (7700, 5190)  # 39,963,000 pixels, just under IMAGE_MAX_PIXELS


def photo_like_webp():
    """Smooth gradients with a little grain, like a photo rather than pure noise."""
    gradient = Image.linear_gradient("L").resize(SIZE)
    grain = Image.effect_noise(SIZE, 12)
    mirrored = gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    image = Image.merge(
        "RGB",
        [ImageChops.add(gradient, grain, 2), gradient, ImageChops.add(mirrored, grain, 2)],
    )
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80, method=0)
    return buffer.getvalue()


def timed(function, *args):
    started = time.monotonic()
    result = function(*args)
    return result, time.monotonic() - started


def main():
    upload = photo_like_webp()
    photo, in_request = timed(processing.clean, ContentFile(upload, name="big.webp"))
    _renditions, in_worker = timed(
        processing.renditions_of_stored, ContentFile(photo.original, name="big.webp")
    )
    print(f"40 MP WebP ({len(upload) / 1e6:.1f} MB): in the request {in_request:.1f} s,")
    print(f"in the background worker {in_worker:.1f} s (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
