"""What the dashboard keeps: external links and their checks, editors' digest state."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExternalLink(models.Model):
    """An address outside the portal that some record links to, and its last check."""

    url = models.URLField(_("address"), max_length=2000, unique=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    # Checks in a row that failed; 0 once it answers again.
    failures = models.PositiveSmallIntegerField(_("failed checks in a row"), default=0)
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)

    class Meta:
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        ordering = ["url"]

    def __str__(self):
        return self.url


class LinkSource(models.Model):
    """One field of one record that holds the link."""

    link = models.ForeignKey(ExternalLink, models.CASCADE, related_name="sources")
    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(_("field"), max_length=100)
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("link source")
        verbose_name_plural = _("link sources")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "content_type", "object_id", "field"], name="unique_link_source"
            )
        ]

    def __str__(self):
        return f"{self.link} ({self.field})"


class EditorDigest(models.Model):
    """An editor's weekly digest: the language it is written in and when it last went."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="editor_digest"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("editor digest")
        verbose_name_plural = _("editor digests")

    def __str__(self):
        return str(self.user)
