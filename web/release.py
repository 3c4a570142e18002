"""Which release of the portal's code, templates and translations a process runs.

Kept fragments are rendered by templates, template tags and translations: a deploy
that changes any of them must not be served pieces the old release rendered from the
shared cache. Every process of one release computes the same digest, from the files'
contents, so processes and hosts of a release still share their pieces.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# What renders a piece: the code, the templates and the compiled translations.
SUFFIXES = {".py", ".html", ".mo"}
# Folders of the repository that hold none of it (or only what never renders a page).
SKIPPED = {".venv", "node_modules", ".git", "tests", "bench", "media", "static", "staticfiles"}


def _files(root):
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(name for name in folders if name not in SKIPPED)
        for name in sorted(names):
            if os.path.splitext(name)[1] in SUFFIXES:
                yield Path(folder, name)


@cache
def digest():
    """Short digest of the release's files; DJANGO_RELEASE names the release instead."""
    if settings.RELEASE:
        return settings.RELEASE
    root = Path(settings.BASE_DIR)
    found = hashlib.blake2b(digest_size=6)
    for path in _files(root):
        found.update(str(path.relative_to(root)).encode())
        found.update(path.read_bytes())
    # The collected static files' names: pieces link to them by their hashed names.
    manifest = Path(settings.STATIC_ROOT or root) / "staticfiles.json"
    if manifest.is_file():
        found.update(manifest.read_bytes())
    return found.hexdigest()


@receiver(setting_changed)
def forget_digest(setting, **kwargs):
    if setting in {"RELEASE", "BASE_DIR", "STATIC_ROOT"}:
        digest.cache_clear()
