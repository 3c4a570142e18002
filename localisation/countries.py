"""Country and territory names and lists, as the bureau writes them."""

from functools import cache

from django.utils import translation
from django_countries import countries

from .collation import sorted_by_name
from .formats import language_of


def country_choices(codes=None, language=None):
    """(code, name) pairs: pinyin order in Chinese, alphabetical in English.

    Names come from django-countries with the portal's COUNTRIES_OVERRIDE
    (中国香港, Hong Kong, China …) and the catalogue's corrections.
    """
    language = language_of(language)
    if codes is None:
        return list(_every_country(language))
    with translation.override(language):
        pairs = [
            (code, str(countries.name(code)).strip()) for code in codes if countries.name(code)
        ]
    return sorted_by_name(pairs, language, name=lambda pair: pair[1])


@cache
def _every_country(language):
    """Every country in a language's order: sorted once per process, not on every form
    (pinyin order of some 250 names costs tens of milliseconds)."""
    with translation.override(language):
        pairs = [(country.code, str(country.name).strip()) for country in countries]
    return tuple(sorted_by_name(pairs, language, name=lambda pair: pair[1]))


def sorted_countries(country_list, language=None):
    """django-countries Country objects (e.g. a centre's countries served) in reading order."""
    return sorted_by_name(country_list, language_of(language), name=lambda country: country.name)
