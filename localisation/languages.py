"""The site's languages, as settings.LANGUAGE_TABLE lists them."""

from django.conf import settings
from django.utils.translation import get_language


def table():
    return settings.LANGUAGE_TABLE


def codes():
    return [language.code for language in table()]


def required():
    """Codes of the languages a record needs before it is published."""
    return [language.code for language in table() if language.required]


def language(code=None):
    """The table's row for `code` (the active language by default), else the default's."""
    code = code or get_language()
    rows = {row.code: row for row in table()}
    return rows.get(code) or rows.get((code or "").lower()) or table()[0]


def html_lang(code=None):
    return language(code).html_lang


def og_locale(code=None):
    return language(code).og_locale


def own_name(code):
    """The language's name in itself: "English", "简体中文" (labels of language columns)."""
    from django.utils.translation import get_language_info

    return get_language_info(code)["name_local"]
