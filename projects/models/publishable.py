"""What every public record shares: slug, publication state, timestamps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from localisation import languages as languages_table
from projects import completeness
from projects.richtext import clean_html


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Records the public may see: published, and due if scheduled."""
        now = timezone.now()
        return self.filter(status=Publishable.Status.PUBLISHED).filter(
            models.Q(publish_at__isnull=True) | models.Q(publish_at__lte=now)
        )

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


def only(related):
    """The single related record, or None when there are none or several."""
    records = list(related.all()[:2])
    return records[0] if len(records) == 1 else None


class SlugNaturalKeyMixin:
    """Fixtures refer to records by slug, never by primary key."""

    def natural_key(self):
        return (self.slug,)


class Publishable(SlugNaturalKeyMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # Translated fields that hold staff-entered HTML.
    rich_text_fields = ("body",)

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Web address of the page, shared by both languages: lowercase ASCII."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once; set a time to schedule publication."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set by "mark as reviewed" (dashboard/reviews.py): when an editor last checked the facts.
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Rich-text bodies are cleaned before they reach the database.
        for name in self.rich_text_fields:
            for code, _label in settings.LANGUAGES:
                column = build_localized_fieldname(name, code)
                if getattr(self, column, None):
                    setattr(self, column, clean_html(getattr(self, column)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.public.detail_url_name, kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    @property
    def missing_translations(self):
        """Columns still empty that publishing needs (every counted field, required languages)."""
        return completeness.publishing_gaps(self)

    @property
    def missing_languages(self):
        """Codes of the languages, optional ones too, in which a counted field is empty."""
        return [code for code, found in completeness.report(self).items() if not found.complete]

    @classmethod
    def name_columns(cls):
        return [build_localized_fieldname("name", code) for code in languages_table.codes()]

    def clean(self):
        super().clean()
        if not any((getattr(self, column, "") or "").strip() for column in self.name_columns()):
            # A draft may be in any one language, but it needs a name to be found by.
            raise ValidationError(
                {self.name_columns()[0]: _("Give the record a name in at least one language.")}
            )
        if self.status == self.Status.PUBLISHED:
            missing = self.missing_translations
            if missing:
                raise ValidationError(
                    {
                        name: _("Required in this language before the record is published.")
                        for name in missing
                    }
                )
