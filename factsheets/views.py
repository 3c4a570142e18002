"""The stored fact sheets, streamed as files; a missing one is asked of the worker."""

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .kinds import ALL_LANGUAGES, variants
from .selectors import published_record, stored_sheet
from .services import request_sheets

# How long a missing sheet is not asked for again while the worker prints it (seconds).
ASKED_SECONDS = 120
RETRY_SECONDS = 30


def sheet(request, kind, slug):
    """`?lang=<code>` for one language; without it, the sheet in every language."""
    variant = request.GET.get("lang") or ALL_LANGUAGES
    if variant not in variants():
        raise Http404(_("No fact sheet in this language."))
    record = published_record(kind, slug)
    if record is None:
        raise Http404(_("No published record with this address."))
    stored = stored_sheet(kind, record.pk, variant)
    if stored is None or not stored.file.storage.exists(stored.file.name):
        return preparing(request, kind, record)
    response = FileResponse(
        stored.file.open("rb"),
        content_type="application/pdf",
        filename=f"{record.slug}-{variant}.pdf",
    )
    # As long as a public page: an edit reaches browsers and proxies as soon as the page's.
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}"
    return response


def preparing(request, kind, record):
    """The worker prints the sheet now; the visitor is asked to try again shortly."""
    if cache.add(f"factsheets:asked:{kind}:{record.pk}", True, ASKED_SECONDS):
        request_sheets(kind=kind, record_id=record.pk)
    response = render(
        request,
        "factsheets/preparing.html",
        {"record": record, "retry_seconds": RETRY_SECONDS},
        # Accepted, not 503: nothing is wrong, and the browser shows the page, then
        # loads the address again (Refresh) once the sheet should be there.
        status=202,
    )
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Refresh"] = str(RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
