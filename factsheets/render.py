"""Print a Django template to an A4 PDF: tagged, fonts subset into the file, no browser.

Usage::

    from factsheets.render import pdf_bytes

    data = pdf_bytes("factsheets/park.html", {"park": park}, language="zh-hans")
    data = pdf_bytes("factsheets/park.html", {"park": park}, language=("en", "zh-hans"))

The template extends ``factsheets/sheet.html`` and fills ``{% block sheet %}`` (and
``{% block title %}``, the document title). ``language`` is one language code, or a
sequence of codes for a bilingual sheet: the block is then rendered once per language,
each starting on a new page, with that language active (translated fields, gettext and
``{% load localised %}`` formats follow it). The base adds the wordmark header, the footer
(date generated, link back to ``sheet_url`` when the context gives it, page numbers) and
``{% block style %}`` for a sheet's own CSS after ``factsheets/sheet.css``.

Rendering takes a few hundred milliseconds of CPU per page, most of it laying out the
text: call it from the background worker, or cache the result, never on every request.
On-request sheets keep their tables cheap to lay out (fixed column widths, no list
markers). Only ``data:`` URLs are fetched, so nothing in the content can make the
renderer read a file or the network: draw maps as inline SVG.
"""

import logging

from django.template.loader import render_to_string
from django.utils import timezone, translation

from localisation.languages import html_lang

# WeasyPrint logs each step at INFO, from its import on: the worker's log keeps to what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class RepeatedAnchors(logging.Filter):
    """A sheet in several languages repeats each page's ids (no link points at them)."""

    def filter(self, record):
        return not record.getMessage().startswith("Anchor defined twice")


logging.getLogger("weasyprint").addFilter(RepeatedAnchors())

from PIL import ImageFile  # noqa: E402

# WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process when imported:
# the photo upload checks must keep refusing truncated files (sheets embed no photos).
_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
from weasyprint import HTML, URLFetcher  # noqa: E402

ImageFile.LOAD_TRUNCATED_IMAGES = _truncated

# PDF/UA-1: a tagged PDF (headings, lists, tables, reading order) with its language set.
PDF_VARIANT = "pdf/ua-1"


def sheet_languages(language):
    """The language codes a sheet is printed in, in order."""
    return [language] if isinstance(language, str) else list(language)


def html(template_name, context, *, language):
    """The sheet's HTML (what `pdf_bytes` prints), for tests and debugging."""
    codes = sheet_languages(language)
    with translation.override(codes[0]):
        return render_to_string(
            template_name,
            {
                "generated": timezone.now(),
                **context,
                "sheet_languages": codes,
                "sheet_lang": html_lang(codes[0]),
            },
        )


def pdf_bytes(template_name, context, *, language):
    """The PDF of `template_name` rendered with `context` in `language` (code or codes)."""
    return print_html(html(template_name, context, language=language))


def print_html(text):
    """The PDF of a sheet's HTML, as `html` returns it."""
    document = HTML(string=text, url_fetcher=URLFetcher(allowed_protocols={"data"}))
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
