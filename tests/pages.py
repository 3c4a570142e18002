"""Checks every public page shares: status, language, twin link, no cookie."""

import re

from django.core.cache import cache

LANG = {"en": "en", "zh-hans": "zh-Hans"}
OTHER = {"en": "zh-hans", "zh-hans": "en"}


def get_page(client, url, language):
    """GET a public page and check what every page must have."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{LANG[language]}">' in html
    assert not response.cookies, "public pages set no cookie"
    return response


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
