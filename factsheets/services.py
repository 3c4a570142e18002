"""Making and storing the fact sheets: in the background worker, never in a request."""

import hashlib
import logging
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .kinds import KINDS, variant_languages, variants
from .models import Sheet
from .render import html, print_html

logger = logging.getLogger(__name__)


def request_sheets(*, kind, record_id):
    """Have the worker bring the record's sheets up to date once this transaction commits.

    Once per record and transaction: a park saved with its twelve figures is one task.
    (What `background.queue.enqueue_on_commit` does, plus that bookkeeping.)
    """
    from .tasks import make_sheets

    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        make_sheets.enqueue(kind, record_id)
        return
    requested, key = _requested(connection), (kind, record_id)
    if key in requested:
        return
    requested.add(key)

    def enqueue():
        requested.discard(key)
        make_sheets.enqueue(kind, record_id)

    transaction.on_commit(enqueue)


def _requested(connection):
    """The records asked for in the open transaction (those whose callbacks are pending).

    Django replaces `run_on_commit` with a new list at each commit and rollback (to a
    savepoint too): the set lives as long as the list it was made beside.
    """
    pending, requested = connection.__dict__.get("factsheets_requested", (None, set()))
    if pending is not connection.run_on_commit:
        requested = set()
        connection.__dict__["factsheets_requested"] = (connection.run_on_commit, requested)
    return requested


def sheet_html(template, context, variant, generated):
    return html(template, {**context, "generated": generated}, language=variant_languages(variant))


def digest(text):
    """Equal digests, the same PDF: the HTML printed says everything the sheet shows."""
    return hashlib.sha256(text.encode()).hexdigest()


def make_sheets(*, kind, record_id):
    """Print the record's sheet in every variant whose content changed; remove the sheets
    of a record no longer published. Returns the variants printed."""
    declared = KINDS[kind]
    record = declared.model.objects.filter(pk=record_id).only("slug", "updated_at").first()
    context = declared.context(record.slug) if record else None
    if context is None:
        remove_sheets(kind=kind, record_id=record_id)
        return []
    stored = {s.variant: s for s in Sheet.objects.filter(kind=kind, record_id=record_id)}
    printed = []
    for variant in variants():
        old = stored.get(variant)
        if old and is_current(old, declared.template, context):
            continue
        store(kind=kind, record=record, variant=variant, context=context, old=old)
        printed.append(variant)
    return printed


def is_current(sheet, template, context):
    """Whether the stored file is there and is what printing it again would give."""
    printed = sheet_html(template, context, sheet.variant, sheet.generated_at)
    return digest(printed) == sheet.digest and sheet.file.storage.exists(sheet.file.name)


def store(*, kind, record, variant, context, old):
    generated = timezone.now()
    text = sheet_html(KINDS[kind].template, context, variant, generated)
    data = print_html(text)
    # A new file name each time: a download already started keeps reading the old file.
    sheet = old or Sheet(kind=kind, record_id=record.pk, variant=variant)
    old_name = sheet.file.name if old else ""
    sheet.file.save(f"{kind}-{record.slug}-{variant}.pdf", ContentFile(data), save=False)
    sheet.size = len(data)
    sheet.generated_at = generated
    sheet.digest = digest(text)
    with transaction.atomic():
        sheet.save()
        if old_name:
            transaction.on_commit(partial(sheet.file.storage.delete, old_name))
    logger.info("Fact sheet %s printed (%d bytes).", sheet.file.name, sheet.size)
    return sheet


def remove_sheets(*, kind, record_id):
    """The rows go first; their files once that is committed (a download may be reading)."""
    sheets = list(Sheet.objects.filter(kind=kind, record_id=record_id))
    with transaction.atomic():
        Sheet.objects.filter(pk__in=[sheet.pk for sheet in sheets]).delete()
        for sheet in sheets:
            transaction.on_commit(partial(sheet.file.storage.delete, sheet.file.name))
