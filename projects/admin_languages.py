"""The languages of a translated field side by side in the admin, each labelled with
its own name ("English", "简体中文") and marked with its `lang` for screen readers."""

from django.utils.text import capfirst
from modeltranslation.utils import build_localized_fieldname

from localisation import formats, languages

from . import completeness


def pair_languages(model, fields):
    """Fieldset `fields` with the language columns of each translated field on one row."""
    columns = {
        build_localized_fieldname(name, code): name
        for name in completeness.translated_fields(model)
        for code in languages.codes()
    }
    present = {entry for entry in fields if isinstance(entry, str)}
    rows, seen = [], set()
    for entry in fields:
        name = columns.get(entry) if isinstance(entry, str) else None
        if name is None:
            rows.append(entry)
        elif name not in seen:
            seen.add(name)
            row = (build_localized_fieldname(name, code) for code in languages.codes())
            rows.append(tuple(column for column in row if column in present))
    return rows


def language_label(db_field):
    """ "Description (English)", "描述（简体中文）": the field, then the language's own name."""
    name = capfirst(db_field.translated_field.verbose_name)
    return f"{name}{formats.parenthesised(languages.own_name(db_field.language))}"


class SideBySideTranslations:
    """Put before modeltranslation's TranslationAdmin or a translation inline."""

    # Drafts of content types may be saved in any one language (Publishable.clean).
    any_one_language = False

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": pair_languages(self.model, options["fields"])})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        if not hasattr(db_field, "translated_field"):
            return
        field.label = language_label(db_field)
        self._get_widget_from_field(field).attrs["lang"] = languages.html_lang(db_field.language)
        if self.any_one_language:
            field.required = False
