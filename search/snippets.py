"""Highlighted excerpts: the matched terms in <mark>, everything else HTML-escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import tokens

EXCERPT = 180  # characters around the first match
LEAD = 50  # of them before it


def _pattern(term):
    if tokens.is_cjk(term):
        return re.escape(term)
    # The stem and the plural forms the stemmer folds into it ("policy": "policies").
    if term.endswith("y"):
        return rf"\b{re.escape(term[:-1])}(?:y|ies)\b"
    return rf"\b{re.escape(term)}(?:s|es)?\b"


def matcher(terms):
    """A regular expression finding the terms in text, longest first; None without terms."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile("|".join(_pattern(term) for term in ordered), re.IGNORECASE)


def highlight(text, pattern):
    """`text` escaped, each match in <mark>."""
    if pattern is None:
        return escape(text)
    parts, last = [], 0
    for found in pattern.finditer(text):
        parts += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
        last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def excerpt(text, pattern):
    """A short part of `text` around its first match (its start without one), highlighted."""
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - LEAD) if found else 0
    if start:
        # Start at a word's beginning; Chinese has no spaces to look for.
        space = text.find(" ", start, found.start())
        start = space + 1 if space != -1 else start
    end = start + EXCERPT
    part = text[start:end]
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{highlight(part, pattern)}{suffix}")


def best_field(fields, pattern):
    """The first (most heavily weighted) field text that matches; else the first one."""
    if pattern:
        for text in fields:
            if pattern.search(text):
                return text
    return fields[0] if fields else ""
