"""Draft changes: edits to a live record kept aside until an editor publishes them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class DraftChanges(models.Model):
    """The edited field values of one published record, not yet on the public page."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    # {"fields": {attname: value as text}, "m2m": {name: [pk, ...]}}
    payload = models.JSONField(_("changed values"), default=dict, encoder=DjangoJSONEncoder)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("draft changes")
        verbose_name_plural = _("draft changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_draft_per_record"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class RevisionNote(models.Model):
    """Marks a revision that holds draft changes, not what the public page showed."""

    revision = models.OneToOneField(
        "reversion.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="editorial_note",
    )
    draft_changes = models.BooleanField(_("draft changes"), default=False)

    class Meta:
        verbose_name = _("revision note")
        verbose_name_plural = _("revision notes")

    def __str__(self):
        return str(self.revision_id)
