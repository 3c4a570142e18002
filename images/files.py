"""Where an image's files live in storage, and their removal."""

import posixpath

from django.core.files.base import ContentFile
from django.db import transaction

RENDITIONS_FOLDER = "renditions"


def rendition_name(original_name, width, extension):
    """`images/2026/11/park.jpg` → `images/2026/11/renditions/park.jpg-960w.webp`.

    Renditions sit in their own folder so no upload can take their name, and
    the original's name (unique in its folder) keeps theirs unique.
    """
    folder, filename = posixpath.split(original_name)
    return posixpath.join(folder, RENDITIONS_FOLDER, f"{filename}-{width}w.{extension}")


def all_names(original_name, widths, extensions):
    """The original and every rendition recorded for it."""
    if not original_name:
        return []
    renditions = [rendition_name(original_name, w, ext) for w in widths for ext in extensions]
    return [original_name, *renditions]


def write_renditions(storage, original_name, renditions):
    """Store {(width, extension): bytes} under their deterministic names."""
    for (width, extension), content in renditions.items():
        name = rendition_name(original_name, width, extension)
        storage.delete(name)  # a leftover would make storage pick another name
        storage.save(name, ContentFile(content))


def write_on_commit(storage, name, content):
    """Store `content` as `name` once the row naming it is committed: a rolled-back
    save leaves no file behind. Names carry a content hash, so an existing file
    of that name already holds these bytes."""
    transaction.on_commit(lambda: write_once(storage, name, content))


def write_once(storage, name, content):
    if storage.exists(name):
        return
    saved = storage.save(name, ContentFile(content))
    if saved != name:  # written meanwhile by a concurrent save of the same photo
        storage.delete(saved)


def delete_on_commit(storage, names):
    """Remove files once the database change that orphaned them is committed."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_now(storage, names))


def delete_now(storage, names):
    for name in names:
        storage.delete(name)


def remove_deleted_image_files(sender, instance, **kwargs):
    """post_delete: also runs when an owner's deletion cascades to its images."""
    instance.release_files(instance.file.name, instance.renditions)
