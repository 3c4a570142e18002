"""Checks every public page shares: status, language, twin link, no cookie."""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils.html import strip_tags

from projects import inventory

# Every configured language (settings.LANGUAGE_TABLE): the page tests run in each.
LANGUAGES = [language.code for language in settings.LANGUAGE_TABLE]
LANG = {language.code: language.html_lang for language in settings.LANGUAGE_TABLE}
# The language switcher's first link: the first other language of the table.
OTHER = {code: next(other for other in LANGUAGES if other != code) for code in LANGUAGES}


def forget_kept():
    """Empty the cache and this process's kept pieces: what a test renders is its own."""
    from web.fragment_memory import memory

    cache.clear()
    memory.clear()


def budget(label):
    """The page type's SQL query budget, from the inventory the benchmark reads too."""
    return inventory.page(label).queries


def shown(texts, language):
    """What a page in `language` shows of {code: text}: its own text, else the first
    required language's that has one (modeltranslation's fallback)."""
    if texts.get(language):
        return texts[language]
    return next(texts[code] for code in settings.REQUIRED_LANGUAGES if texts.get(code))


def get_page(client, url, language):
    """GET a public page and check what every page must have."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{LANG[language]}">' in html
    assert not response.cookies, "public pages set no cookie"
    return response


def text(client, url):
    """The page's text, its tags stripped (the search page marks matched words)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return strip_tags(response.content.decode())


def switch_link(response):
    """The href of the language switcher's link to the other language."""
    match = re.search(r'<a class="lang-switch" href="([^"]+)"', response.content.decode())
    assert match, "the page has a language switch link"
    return match.group(1).replace("&amp;", "&")


def twin(url, language):
    """The same URL in the other language."""
    return url.replace(f"/{language}/", f"/{OTHER[language]}/", 1)


def warm_up(client, url):
    """One request first, so per-process caches (content types) do not count.

    The page cache is emptied again: the measured request must render the page.
    """
    assert client.get(url).status_code == 200
    cache.clear()
