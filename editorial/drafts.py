"""Draft changes of a live record: kept aside, shown in the admin and the preview.

Editing a published record can be saved as draft changes: the record's own field
values (texts, numbers, sectors) go into one DraftChanges row and the public page
keeps the live values. The change form then shows the draft values; saving it
normally puts them live and drops the draft. Photos and key figures (inlines),
uploaded files and the publication fields are never part of a draft.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import DraftChanges

# Publication is decided by a real save, never kept aside.
NOT_DRAFTED = {"id", "slug", "status", "publish_at", "created_at", "updated_at"}


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    LIVE_WITH_DRAFT = "live_draft", _("Live + draft changes")


def drafted_fields(model):
    """The fields a draft keeps: per-language columns, never the bare translated field."""
    from .versions import translated_fields

    translated = translated_fields(model)
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in NOT_DRAFTED
        and field.name not in translated
        and field.editable
        and not isinstance(field, models.FileField)
    ]


def drafts_of(model):
    return DraftChanges.objects.filter(content_type=ContentType.objects.get_for_model(model))


def draft_for(record):
    return drafts_of(type(record)).filter(object_id=record.pk).first()


def has_draft(record):
    annotated = getattr(record, "has_draft_changes", None)
    return annotated if annotated is not None else draft_for(record) is not None


def with_draft_flag(queryset):
    """Annotate `has_draft_changes` so a list shows every state in one query."""
    drafts = drafts_of(queryset.model).filter(object_id=models.OuterRef("pk"))
    return queryset.annotate(has_draft_changes=models.Exists(drafts))


def state(record):
    from projects.models import Publishable

    if record.status != Publishable.Status.PUBLISHED:
        return State.DRAFT
    if not record.is_published:
        return State.SCHEDULED
    return State.LIVE_WITH_DRAFT if has_draft(record) else State.LIVE


def payload_of(record, m2m):
    """The record's in-memory field values (and m2m choices) as JSON-ready data."""
    fields = {
        field.attname: None
        if field.value_from_object(record) is None
        else field.value_to_string(record)
        for field in drafted_fields(type(record))
    }
    return {"fields": fields, "m2m": {name: sorted(pks) for name, pks in m2m.items()}}


def keep(*, record, m2m, author):
    """Store the edited values of a live record as its draft changes."""
    content_type = ContentType.objects.get_for_model(record)
    draft, _created = DraftChanges.objects.update_or_create(
        content_type=content_type,
        object_id=record.pk,
        defaults={"payload": payload_of(record, m2m), "author": author},
    )
    return draft


def discard(*, record):
    drafts_of(type(record)).filter(object_id=record.pk).delete()


def overlay(record, draft):
    """Put the draft values on the in-memory record; returns the drafted m2m pks."""
    by_attname = {field.attname: field for field in drafted_fields(type(record))}
    for attname, value in draft.payload.get("fields", {}).items():
        field = by_attname.get(attname)
        if field is not None:
            setattr(record, attname, None if value is None else field.to_python(value))
    return draft.payload.get("m2m", {})
