"""The comparison and the finder's pre-assessment as PDFs, made on request and cached.

A sheet is printed from the same rows as the page, once per language it is in
(the rows are written in the active language). The cache entry is keyed by the
content generation (web/invalidation.py), so any change to content prints anew.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from localisation import languages
from web.invalidation import generation

CACHE_SECONDS = 24 * 60 * 60
# ?lang=all prints every language of the site, one after the other.
ALL_LANGUAGES = "all"


def variant_codes(variant):
    """The language codes of ?lang=: one known code, or all of them; None when unknown."""
    if variant in ("", ALL_LANGUAGES):
        return languages.codes()
    return [variant] if variant in languages.codes() else None


def pdf_bytes(template, context, *, language):
    # Imported when a sheet is printed: importing WeasyPrint lets Pillow load truncated
    # images process-wide, which the upload checks of the web process must not inherit.
    from factsheets.render import pdf_bytes as render

    return render(template, context, language=language)


def per_language(codes, build):
    """{code: build()} with each language active in turn."""
    built = {}
    for code in codes:
        with translation.override(code):
            built[code] = build()
    return built


def cached_pdf(name, parts, template, context, codes):
    """The PDF of `template`, from the cache when this content and these parts printed it."""
    current = generation()
    key = "decide:pdf:" + hashlib.sha256(repr((name, current, parts, codes)).encode()).hexdigest()
    data = cache.get(key) if current is not None else None
    if data is None:
        data = pdf_bytes(template, context(), language=codes)
        if current is not None:
            cache.set(key, data, CACHE_SECONDS)
    return data
