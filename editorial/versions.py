"""Versions of content records (django-reversion): which fields changed, and how."""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.apps import apps
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from localisation import formats, languages

# Bookkeeping columns: they differ between any two versions and say nothing to an editor.
IGNORED = {"id", "created_at", "updated_at"}
# One Chinese character, a word, a run of spaces, a tag, or any other character.
TOKEN = re.compile(r"<[^>]*>|[\u3400-\u9fff\uf900-\ufaff]|\w+|\s+|.", re.S)


def register_publishables():
    """Every concrete published content model keeps versions."""
    from projects.models import Publishable

    for model in apps.get_models():
        if issubclass(model, Publishable) and not reversion.is_registered(model):
            reversion.register(model)


@dataclass(frozen=True)
class Column:
    """A field an editor sees: `name` is the column, `language` is set on translations."""

    name: str
    field: models.Field
    language: object = None

    @property
    def label(self):
        name = str(self.field.verbose_name)
        if self.language is None:
            return name
        return name + formats.parenthesised(self.language.name)


def translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def columns(model):
    """The model's editable fields in form order, one column per language when translated."""
    translated = translated_fields(model)
    found = []
    concrete = [f for f in model._meta.get_fields() if f.concrete or f.many_to_many]
    for field in concrete:
        if field.auto_created or field.name in IGNORED or not getattr(field, "editable", True):
            continue
        if field.name in translated:
            found += [
                Column(build_localized_fieldname(field.name, row.code), field, row)
                for row in languages.table()
            ]
        elif not getattr(field, "translated_field", None):
            found.append(Column(field.attname, field))
    return found


def versions_of(record):
    """The record's versions, newest first, with their revisions and authors."""
    return list(
        Version.objects.get_for_object(record).select_related(
            "revision", "revision__user", "revision__editorial_note"
        )
    )


def changed_columns(model, older, newer):
    """The columns whose stored value differs between two field dicts."""
    return [c for c in columns(model) if older.get(c.name) != newer.get(c.name)]


def history(record):
    """(version, changed column labels) newest first; the first version lists none."""
    found = versions_of(record)
    model = type(record)
    entries = []
    for index, version in enumerate(found):
        previous = found[index + 1] if index + 1 < len(found) else None
        changed = (
            [c.label for c in changed_columns(model, previous.field_dict, version.field_dict)]
            if previous
            else []
        )
        entries.append((version, changed))
    return entries


def shown(column, value):
    """A stored value as an editor reads it: choice labels, related names, lists."""
    field = column.field
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        related = field.related_model.objects.filter(pk__in=value)
        return formats.join(str(item) for item in related)
    if field.many_to_one:
        item = field.related_model.objects.filter(pk=value).first()
        return str(item) if item else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, (list, tuple)):
        return formats.join(str(item) for item in value)
    return str(value)


# Equal runs shorter than this between two changes are folded into the change, so a
# rewritten Chinese sentence reads as one deletion and one insertion, not confetti.
MIN_KEPT = 3


def diff_blocks(a, b):
    """(equal, old tokens, new tokens) runs of two token lists."""
    blocks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        equal = op == "equal"
        short = equal and len("".join(a[i1:i2])) < MIN_KEPT
        if blocks and not blocks[-1][0] and (not equal or short):
            blocks[-1] = (False, blocks[-1][1] + a[i1:i2], blocks[-1][2] + b[j1:j2])
        else:
            blocks.append((equal, a[i1:i2], b[j1:j2]))
    return blocks


def inline_diff(old, new):
    """HTML of `new` against `old`: removed text in <del>, added text in <ins>."""
    parts = []
    for equal, removed, added in diff_blocks(TOKEN.findall(old), TOKEN.findall(new)):
        if equal:
            parts.append(escape("".join(removed)))
            continue
        if removed:
            parts.append(f"<del>{escape(''.join(removed))}</del>")
        if added:
            parts.append(f"<ins>{escape(''.join(added))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308  (every part is escaped above)


@dataclass(frozen=True)
class Difference:
    label: str
    old: str
    new: str
    changed: bool

    @property
    def diff(self):
        return inline_diff(self.old, self.new)


def compare(model, older, newer):
    """One row per column of the two versions, changed or not, in form order."""
    rows = []
    for column in columns(model):
        old = shown(column, older.field_dict.get(column.name))
        new = shown(column, newer.field_dict.get(column.name))
        changed = older.field_dict.get(column.name) != newer.field_dict.get(column.name)
        rows.append(Difference(column.label, old, new, changed))
    return rows


def is_draft_version(version):
    note = getattr(version.revision, "editorial_note", None)
    return bool(note and note.draft_changes)


def keep_draft_version(record):
    """Add the record's in-memory (unsaved) values to the current revision as draft changes."""
    from .models import RevisionNote

    reversion.add_to_revision(record)
    reversion.add_meta(RevisionNote, draft_changes=True)


def restore(*, record, version, user):
    """Save the record with an earlier version's content, as a new version.

    Publication (slug, state, schedule) stays as it is. A live record is not given
    content that lacks a required translation: the labels of the missing fields are
    returned instead, and nothing is saved.
    """
    from projects.models import Publishable

    from . import drafts

    values = version.field_dict
    for field in drafts.drafted_fields(type(record)):
        if field.attname in values:
            setattr(record, field.attname, values[field.attname])
    missing = record.missing_translations
    if record.status == Publishable.Status.PUBLISHED and missing:
        labels = [c.label for c in columns(type(record)) if c.name in missing]
        return formats.join(labels)
    with reversion.create_revision():
        record.save()
        for field in type(record)._meta.many_to_many:
            if field.name in values:
                getattr(record, field.name).set(values[field.name])
        reversion.set_user(user)
        reversion.set_comment(
            _("Restored the version of %(date)s.")
            % {"date": formats.date(version.revision.date_created)}
        )
    drafts.discard(record=record)
    return ""
