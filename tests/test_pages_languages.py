"""The language table (settings.LANGUAGE_TABLE) drives every language of the site.

CI runs this file, with the other page tests, once more with a third, optional
language (portal/settings_third_language.py): the `optional` tests run there.
"""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from localisation import languages
from projects.models import Park

from .factories import make_park
from .pages import LANGUAGES, get_page

pytestmark = pytest.mark.django_db

OPTIONAL = [language.code for language in settings.LANGUAGE_TABLE if not language.required]
needs_optional = pytest.mark.skipif(not OPTIONAL, reason="no optional language configured")


def row(code):
    return next(language for language in settings.LANGUAGE_TABLE if language.code == code)


def test_settings_derive_from_the_table():
    codes = [language.code for language in settings.LANGUAGE_TABLE]
    assert [code for code, _name in settings.LANGUAGES] == codes
    assert list(settings.MODELTRANSLATION_LANGUAGES) == codes
    assert codes[0] == settings.LANGUAGE_CODE
    assert (
        tuple(language.code for language in settings.LANGUAGE_TABLE if language.required)
        == settings.REQUIRED_LANGUAGES
    )
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"] == settings.REQUIRED_LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_og_locale_and_lang_come_from_the_table(client, language):
    html = get_page(client, f"/{language}/", language).content.decode()
    assert f'<meta property="og:locale" content="{row(language).og_locale}">' in html
    for other in settings.LANGUAGE_TABLE:
        if other.code != language:
            assert f'og:locale:alternate" content="{other.og_locale}"' in html
            assert f'hreflang="{other.html_lang}"' in html


def test_publishing_needs_the_required_languages_only():
    chinese_optional = [
        language._replace(required=language.code == settings.LANGUAGE_CODE)
        for language in settings.LANGUAGE_TABLE
    ]
    park = make_park(status=Park.Status.DRAFT, summary={"zh-hans": ""})
    park.status = Park.Status.PUBLISHED
    with pytest.raises(ValidationError):
        park.full_clean()
    with override_settings(LANGUAGE_TABLE=chinese_optional):
        park.full_clean()  # Chinese optional: the English text is enough
        assert "zh-hans" in park.missing_languages  # and the admin still says so


@needs_optional
@pytest.mark.parametrize("language", OPTIONAL)
def test_optional_language_falls_back_marked_with_its_own_lang(client, language):
    park = make_park(slug="eco", name={"en": "Eco-Park"}, summary={"en": "Green and low-carbon."})
    park.full_clean()  # published without a word in the optional language
    html = get_page(client, f"/{language}/parks/eco/", language).content.decode()
    fallback = row(settings.REQUIRED_LANGUAGES[0]).html_lang
    assert f'<h1 lang="{fallback}">Eco-Park</h1>' in html
    assert f'<p class="lead" lang="{fallback}">Green and low-carbon.</p>' in html
    assert 'class="notice"' in html


@needs_optional
@pytest.mark.parametrize("language", OPTIONAL)
def test_admin_shows_what_the_optional_language_lacks(client, editor, language):
    make_park()
    html = client.get(reverse("admin:projects_park_changelist")).content.decode()
    assert f"{languages.own_name(language)} 0/2" in html  # neither name nor summary yet
