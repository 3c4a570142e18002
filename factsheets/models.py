from django.db import models
from django.utils.translation import gettext_lazy as _


class Sheet(models.Model):
    """A stored PDF fact sheet of one published record, in one language or all of them.

    Made by the background worker after each change of the record and served as a file.
    """

    kind = models.CharField(_("kind"), max_length=20)  # the record's PublicType key
    record_id = models.PositiveBigIntegerField(_("record"))
    # A language code, or ALL_LANGUAGES for the sheet in every language of the site.
    variant = models.CharField(_("language"), max_length=20)
    file = models.FileField(_("file"), upload_to="factsheets/", max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    generated_at = models.DateTimeField(_("generated"))
    # SHA-256 of the HTML printed: the same content prints the same file, so is not redone.
    digest = models.CharField(_("digest"), max_length=64)

    class Meta:
        verbose_name = _("fact sheet")
        verbose_name_plural = _("fact sheets")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "record_id", "variant"], name="one_sheet_per_record_variant"
            )
        ]

    def __str__(self):
        return self.file.name
