"""Reading the index: ranked hits, counts by content type, spelling corrections."""

import json
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language

from localisation import languages
from projects.content_types import public_types

from . import backends, snippets, spelling, tokens


@dataclass(frozen=True)
class Hit:
    declared: object  # the PublicType
    url: str
    title: str  # highlighted, safe
    title_language: str
    snippet: str  # highlighted excerpt, safe
    snippet_language: str

    @property
    def kind(self):
        return self.declared.model._meta.verbose_name


@dataclass(frozen=True)
class Facet:
    declared: object
    count: int
    selected: bool


def _reading_order():
    """The page's language first, then the others: a name is often given in both."""
    current = get_language()
    return [current, *(code for code in languages.codes() if code != current)]


def _text(content, field, pattern, order):
    """(text, language) of the first language that has the field, preferring a match."""
    found = [(code, content.get(code, {}).get(field)) for code in order]
    found = [(code, text) for code, text in found if text]
    if not found:
        return "", order[0]
    if pattern and field == "fields":
        for code, texts in found:
            text = snippets.best_field(texts, pattern)
            if pattern.search(text):
                return snippets.excerpt(text, pattern), code
        code, texts = found[0]
        return snippets.excerpt(texts[0], None), code
    code, text = found[0]
    return snippets.highlight(text, pattern), code


def _hit(row, types, pattern, order):
    key, slug, content = row
    if isinstance(content, str):
        content = json.loads(content)
    declared = types[key]
    title, title_language = _text(content, "title", pattern, order)
    snippet, snippet_language = _text(content, "fields", pattern, order)
    return Hit(
        declared,
        reverse(declared.detail_url_name, kwargs={"slug": slug}),
        title,
        title_language,
        snippet,
        snippet_language,
    )


class Results:
    """The hits of a query, as a sequence the paginator slices: one query per page."""

    def __init__(self, terms, key=None, phrase=False, highlight=()):
        self.terms, self.key = terms, key
        self.query = backends.Query(terms, key, phrase)
        self.types = {declared.key: declared for declared in public_types()}
        self.counts, self.tiers = backends.counts(self.query) if terms else ({}, [])
        self.pattern = snippets.matcher(list(highlight) or terms)

    def count(self):
        return sum(self.tiers)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if not self.terms or stop <= start:
            return []
        rows = backends.page(self.query, self.tiers, start, stop)
        order = _reading_order()
        return [_hit(row, self.types, self.pattern, order) for row in rows]

    def facets(self):
        """Every content type with matches, in navigation order, with its count."""
        return [
            Facet(declared, self.counts[declared.key], declared.key == self.key)
            for declared in public_types()
            if self.counts.get(declared.key)
        ]


@dataclass(frozen=True)
class Search:
    query: str  # what was searched: the visitor's words, misspellings corrected
    corrected: bool
    results: Results


def search(query, key=None):
    """Published records matching `query` (any language), best first; `key` keeps one type."""
    words = [run for run in tokens.runs(query) if not tokens.is_cjk(run)]
    fixed = spelling.corrections(words) if words else {}
    if fixed:
        query = " ".join(fixed.get(run, run) for run in tokens.runs(query))
    terms = tokens.query_terms(query)
    phrase = len(words) > 1 and len(words) == len(tokens.runs(query))
    highlight = {*terms, *(run for run in tokens.runs(query) if tokens.is_cjk(run))}
    return Search(query, bool(fixed), Results(terms, key, phrase, highlight))
