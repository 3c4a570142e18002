"""Photos attached to parks, events and centres."""

import hashlib
import posixpath
from pathlib import PurePosixPath

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from background.queue import enqueue_on_commit
from projects.content_types import StaffAccess

from . import files, processing, tasks


def stored_name(upload_name, photo):
    """`Harbour View.JPG` → `Harbour View-3fa2c1d9e0.jpg`: the content hash in the
    name means a URL never shows two different photos, so it can be cached forever."""
    stem = PurePosixPath(upload_name).stem[:40]
    digest = hashlib.sha256(photo.original).hexdigest()[:10]
    return f"{stem}-{digest}.{photo.extension}"


class Image(models.Model):
    """One photo of a record; the first by position is its hero image.

    The upload is processed once, when the file changes: validated, turned
    upright and stripped of metadata while it is saved; the file is written
    when the save commits, and the background worker then adds renditions at
    a few widths (`images.tasks.make_renditions`). Until they exist, pages
    show the clean original.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")

    file = models.ImageField(_("image file"), upload_to="images/%Y/%m/")
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    credit = models.CharField(_("credit"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    # Widths of the stored renditions, each in WebP and JPEG: templates build
    # srcset from this without touching storage or the database.
    renditions = models.JSONField(_("rendition widths"), default=list, editable=False)
    # The picture's srcset and URLs, written with the renditions (images.tasks) so a
    # page of photos reads them rather than building every rendition's URL per request.
    # Read only while they match the file, its widths and the storage's address.
    sources = models.JSONField(_("picture sources"), default=dict, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The files this row last had in the database, to spot a new upload.
    _stored_name = None
    _stored_renditions = ()
    # Editors add photos with the records they belong to; officers see them.
    staff = StaffAccess()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "position"])]

    def __str__(self):
        return self.alt or self.file.name

    def save(self, *args, **kwargs):
        if not self.has_new_file:
            super().save(*args, **kwargs)
            return
        replaced = (self._stored_name, self._stored_renditions)
        original = self._clean_new_file()
        if kwargs.get("update_fields") is not None:
            processed = {"file", "width", "height", "renditions"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *processed}
        with transaction.atomic():
            super().save(*args, **kwargs)
            files.write_on_commit(self.file.storage, self.file.name, original)
            enqueue_on_commit(tasks.make_renditions, self.pk)
            # The same photo again has the same name: its files stay (renditions are redone).
            if replaced[0] != self.file.name:
                self.release_files(*replaced)
        self._remember_files()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_files()
        return instance

    @property
    def has_new_file(self):
        return bool(self.file) and (not self.file._committed or self.file.name != self._stored_name)

    def is_shared(self, name):
        """Whether another row shows this file (a copied row points at the same files)."""
        return Image.objects.filter(file=name).exclude(pk=self.pk).exists()

    def release_files(self, original, widths):
        """Remove an original and its renditions once committed, unless still shown."""
        if original and not self.is_shared(original):
            names = files.all_names(original, widths, processing.RENDITION_EXTENSIONS)
            files.delete_on_commit(self.file.storage, names)

    def _remember_files(self):
        self._stored_name = self.file.name or None
        self._stored_renditions = list(self.renditions or [])

    def _clean_new_file(self):
        """The clean original's bytes; the row now names it and has no renditions yet.

        Code may store the raw file first (`image.file.save(name, f)`): that raw
        copy, which may hold a GPS position, is removed whatever the outcome.
        """
        storage = self.file.storage
        raw_name = self.file.name if self.file._committed else None
        try:
            self.file.open("rb")
            photo = processing.clean(self.file)
        finally:
            self.file.close()
            if raw_name and not self.is_shared(raw_name):
                storage.delete(raw_name)
        folder = posixpath.dirname(self.file.field.generate_filename(self, "x"))
        self.file.name = posixpath.join(folder, stored_name(self.file.name, photo))
        self.file._committed = True
        self.width, self.height = photo.width, photo.height
        self.renditions = []
        return photo.original

    def all_files(self):
        return files.all_names(self.file.name, self.renditions, processing.RENDITION_EXTENSIONS)

    def rendition_url(self, width, extension):
        return self.file.storage.url(files.rendition_name(self.file.name, width, extension))

    def srcset(self, extension):
        return ", ".join(f"{self.rendition_url(w, extension)} {w}w" for w in self.renditions)

    def _fallback(self):
        if not self.renditions:
            return self.file.url
        moderate = [w for w in self.renditions if w <= 960] or self.renditions[:1]
        return self.rendition_url(moderate[-1], "jpg")

    def _thumbnail(self):
        if not self.renditions:
            return self.file.url
        return self.rendition_url(self.renditions[0], "jpg")

    def _made_for(self):
        return {
            "name": self.file.name,
            "widths": list(self.renditions or []),
            "storage": self.file.storage.url(""),
        }

    def picture_sources(self):
        """Everything a <picture> of this photo needs, worked out from its renditions."""
        return {
            **self._made_for(),
            "webp": self.srcset("webp"),
            "jpg": self.srcset("jpg"),
            "fallback": self._fallback(),
            "thumbnail": self._thumbnail(),
        }

    def _source(self, key):
        stored = self.sources or {}
        made_for = self._made_for()
        if stored and all(stored.get(name) == value for name, value in made_for.items()):
            return stored[key]
        return self.picture_sources()[key]

    @property
    def webp_srcset(self):
        return self._source("webp")

    @property
    def jpeg_srcset(self):
        return self._source("jpg")

    @property
    def fallback_url(self):
        """For browsers without srcset: a JPEG of moderate width, else the original."""
        return self._source("fallback")

    @property
    def thumbnail_url(self):
        return self._source("thumbnail")
