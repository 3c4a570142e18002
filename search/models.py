"""The search index: one entry per published record of a public content type.

The database's own full-text index lies over the token columns: an FTS5 table on
SQLite, a weighted `tsvector` column with a GIN index on PostgreSQL (migration 0001).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    type = models.CharField(_("content type"), max_length=20)  # PublicType.key
    record_id = models.PositiveBigIntegerField(_("record"))
    slug = models.SlugField(_("slug"), max_length=200)
    # The type's place in the navigation: the order of equally good results.
    position = models.PositiveSmallIntegerField(_("position"))
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    # Tokens (search.tokens) of the names and of the other searched fields, every language.
    title_tokens = models.TextField(_("title tokens"))
    body_tokens = models.TextField(_("body tokens"))
    # {language: {"title": name, "fields": [plain text of the other fields, best first]}}
    content = models.JSONField(_("content"), default=dict)
    sort_title = models.CharField(_("sort title"), max_length=300)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["type", "record_id"], name="search_entry_record")
        ]

    def __str__(self):
        return f"{self.type} {self.record_id}"


class SearchWord(models.Model):
    """An English word of the indexed text: what a misspelt query term is corrected to."""

    word = models.CharField(_("word"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
