"""Every public page type with its budgets: what the tests check and the benchmark measures.

The list and detail pages of each content type come from its declaration
(projects.content_types); the few pages that are no content type's are listed here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from projects.content_types import public_types

# THE budgets of the public pages (issue 20): the tests check the query counts, the
# benchmark (bench/report.py) measures the rest and marks each met or not.
# Server time (median, in-process, whole-page cache off, fragments warm) at benchmark size.
DETAIL_MS = 3
LIST_MS = 6  # list, home and search pages
# Search at this many records (the benchmark's parks, policies and events), each language.
SEARCH_RECORDS = 25000
SEARCH_MS = 15
MAX_HTML_KB = 60
# SQL queries of any public page once its fragments are cached; cold, each Page.queries.
WARM_QUERIES = 3
# The first visitor after an edit (page cache cleared, fragments cold) is served within.
FIRST_VISIT_MS = 15
# Requests per second (gunicorn, 2 sync workers, `wrk -t2 -c16`, same machine): with the
# page cache off, PEER_RATIO times the peer's on the comparable pages; with it on, CACHED_RPS.
PEER_RATIO = 10
STATIC_PEER_RATIO = 1  # the stylesheet: at least as fast as the peer's (WhiteNoise both)
CACHED_RPS = 1500
# The peer (Wagtail's bakerydemo) in issue 20's run, by the comparable page of the portal.
PEER_RPS = {
    "home": 17,
    "park list": 25,
    "policy list": 37,
    "park detail": 53,
    "policy detail": 45,
    "search": 33,
    "static CSS": 1434,
}
# What a visitor types in the search box; another language searches the first one's term.
SEARCH_TERMS = {"en": "Qingdao", "zh-hans": "青岛"}


@dataclass(frozen=True)
class Page:
    label: str  # "park detail"
    url_name: str
    queries: int  # SQL queries of one anonymous GET, at most
    p50_ms: int
    kind: str = ""  # the content type (or sector, country...) whose slug the URL takes
    search: bool = False
    argument: str = "slug"  # the URL's keyword for that slug
    # Fixed query parameters; a page that has some takes the slug as `?<argument>=`.
    query: tuple = ()

    @property
    def is_detail(self):
        return bool(self.kind) or self.p50_ms == DETAIL_MS

    def path(self, slugs, language):
        params = dict(self.query)
        kwargs = None
        if self.kind and self.query:
            params[self.argument] = slugs[self.kind]
        elif self.kind:
            kwargs = {self.argument: slugs[self.kind]}
        with translation.override(language):
            path = reverse(self.url_name, kwargs=kwargs)
        if self.search:
            params["q"] = SEARCH_TERMS.get(language) or SEARCH_TERMS[settings.LANGUAGE_CODE]
        return path + ("?" + urlencode(params) if params else "")


def pages():
    """Every public page type, in the order a visitor meets them."""
    typed = []
    for declared in public_types():
        typed += [
            Page(
                f"{declared.key} list",
                declared.list_url_name,
                declared.list_queries,
                declared.list_ms,
            ),
            Page(
                f"{declared.key} detail",
                declared.detail_url_name,
                declared.detail_queries,
                declared.detail_ms,
                kind=declared.key,
            ),
        ]
        typed += [
            Page(label, url_name, queries, LIST_MS) for label, url_name, queries in declared.pages
        ]
    return [
        Page("home", "projects:home", 9, LIST_MS),
        *typed,
        # Search: the vocabulary (typos), the counts by type, the page of hits.
        Page("search", "projects:search", 3, LIST_MS, search=True),
        Page("enquiry form", "enquiries:form", 3, DETAIL_MS),
        Page("enquiry status", "enquiries:status", 0, LIST_MS),
        Page("privacy notice", "privacy", 0, DETAIL_MS),
        Page("contact page", "about:contact", 0, DETAIL_MS),
        Page("accessibility statement", "about:accessibility", 0, DETAIL_MS),
        # The site map lists each content type's records: one query per type (cold; none warm).
        Page("site map", "about:site_map", len(public_types()), LIST_MS),
        # The stories app's pages that are no content type's.
        Page("sector page", "stories:sector_detail", 9, DETAIL_MS, kind="sector"),
        Page("country page", "stories:country_detail", 9, DETAIL_MS, "country", argument="code"),
        # The decision tools (decide app): a comparison of one record, the finder unanswered.
        # `query` names the parameter the slug goes into, so it stays in the query string.
        Page(
            "park comparison",
            "decide:compare",
            13,
            LIST_MS,
            kind="park",
            argument="parks",
            query=(("parks", ""),),
        ),
        Page(
            "site comparison",
            "decide:compare",
            11,
            LIST_MS,
            kind="site",
            argument="sites",
            query=(("sites", ""),),
        ),
        Page("incentive finder", "decide:finder", 8, LIST_MS),
        Page(
            "subscribe form",
            "stories:subscribe",
            2,
            DETAIL_MS,
            kind="sector",
            argument="key",
            query=(("topic", "sector"),),
        ),
    ]


def page(label):
    """The page type of a label, with or without its language: "park list [en]"."""
    label = label.split(" [")[0]
    return next(found for found in pages() if found.label == label)


def public_pages(slugs, languages=None):
    """Every public page type in each language as (label, path); `slugs` maps kind to slug.

    A page about a kind of record `slugs` does not name is left out."""
    languages = languages or [code for code, _name in settings.LANGUAGES]
    return [
        (f"{found.label} [{language}]", found.path(slugs, language))
        for language in languages
        for found in pages()
        if not found.kind or found.kind in slugs
    ]
