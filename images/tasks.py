"""Photo renditions, made by the background worker after the upload is committed.

Resizing a large photo takes seconds: never in the request that uploads it.
"""

import logging

from django_tasks import task

from . import files, processing

logger = logging.getLogger(__name__)


@task()
def make_renditions(image_id):
    """Write the renditions of one photo and record their widths; safe to run twice."""
    from .models import Image

    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.renditions or not image.file:
        return []  # deleted meanwhile, or already done
    return render(image)


def render(image):
    from .models import Image

    name, storage = image.file.name, image.file.storage
    with storage.open(name, "rb") as original:
        renditions = processing.renditions_of_stored(original)
    files.write_renditions(storage, name, renditions)
    widths = sorted({width for width, _extension in renditions})
    image.renditions = widths
    sources = image.picture_sources()
    # Only if the row still shows this photo: a newer upload has renditions of its own.
    if not Image.objects.filter(pk=image.pk, file=name).update(renditions=widths, sources=sources):
        if not Image.objects.filter(file=name).exists():
            extensions = processing.RENDITION_EXTENSIONS
            files.delete_now(storage, files.all_names(name, widths, extensions)[1:])
        return []
    image.sources = sources
    return widths


def make_missing_renditions():
    """Renditions for every photo still without them, here and now (the demo loader)."""
    from .models import Image

    done = 0
    for image in Image.objects.filter(renditions=[]).exclude(file=""):
        if render(image):
            done += 1
    return done
