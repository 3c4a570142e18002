"""Bytes a browser downloads for a photo: the original against the rendition it picks."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from images.processing import process


def picked(widths, needed):
    """What a browser takes from srcset: the narrowest rendition at least `needed` wide."""
    return next((w for w in widths if w >= needed), widths[-1])


class Command(BaseCommand):
    help = (
        "Process photos as an upload would (nothing is stored) and print, for each slot "
        "width in device pixels, the bytes of the rendition a browser picks."
    )

    def add_arguments(self, parser):
        parser.add_argument("photos", nargs="+", help="JPEG, PNG or WebP files")
        parser.add_argument(
            "--slot",
            type=int,
            action="append",
            required=True,
            help="slot width × device pixel ratio, e.g. 1170 for 390 CSS px at DPR 3",
        )

    def handle(self, *args, photos, slot, **options):
        for path in photos:
            try:
                with open(path, "rb") as fh:
                    upload = fh.read()
                    photo = process(File(fh, name=path))
            except (OSError, ValidationError) as error:
                raise CommandError(f"{path}: {error}") from error
            self.stdout.write(
                f"{path}: original {photo.width}×{photo.height}, {len(upload):,} bytes uploaded"
            )
            for needed in slot:
                width = picked(photo.rendition_widths, needed)
                webp = len(photo.renditions[(width, "webp")])
                jpeg = len(photo.renditions[(width, "jpg")])
                self.stdout.write(
                    f"  slot {needed} px → {width}w: WebP {webp:,} bytes, JPEG {jpeg:,} bytes"
                    f" ({webp / len(upload):.0%} / {jpeg / len(upload):.0%} of the original)"
                )
