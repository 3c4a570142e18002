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

# Server time budgets (median, in-process) of a detail page and of a list page.
DETAIL_MS = 8
LIST_MS = 12
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
        # Search reads each content type once.
        Page("search", "projects:search", len(public_types()), LIST_MS, search=True),
        Page("enquiry form", "enquiries:form", 3, DETAIL_MS),
        Page("enquiry status", "enquiries:status", 0, LIST_MS),
        Page("privacy notice", "privacy", 0, DETAIL_MS),
        Page("contact page", "about:contact", 0, DETAIL_MS),
        Page("accessibility statement", "about:accessibility", 0, DETAIL_MS),
        # The site map lists each content type's records: one query per type.
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
