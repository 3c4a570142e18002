"""How completely a record is translated: one answer for the admin, the public
"partly translated" notice and the editors' dashboard.

Every translated field of the model counts (modeltranslation's registry), as long as it
means something for this record: the model requires it, or it has text in some language.
A counted field is missing in a language where its text there is empty (or only spaces).
Publishing needs every counted field in every required language of the language table.
"""

from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Case, IntegerField, Q, Value, When
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from localisation import languages

BLANK = r"^\s*$"


class Completeness(NamedTuple):
    filled: int
    total: int
    missing_fields: tuple  # names of the translated fields, e.g. ("body", "address")

    @property
    def complete(self):
        return not self.missing_fields


def translated_fields(model):
    """Names of the model's translated fields, in the model's field order."""
    try:
        registered = translator.get_options_for_model(model).fields
    except NotRegistered:
        return ()
    return tuple(f.name for f in model._meta.concrete_fields if f.name in registered)


def _required(model, name):
    return not model._meta.get_field(name).blank


def _text(instance, name, code):
    return (getattr(instance, build_localized_fieldname(name, code), "") or "").strip()


def counted_fields(instance):
    """The translated fields that count for this record (see the module's docstring)."""
    model = type(instance)
    return tuple(
        name
        for name in translated_fields(model)
        if _required(model, name) or any(_text(instance, name, c) for c in languages.codes())
    )


def missing_fields(instance, code):
    """The counted fields of `instance` still empty in language `code`."""
    return tuple(name for name in counted_fields(instance) if not _text(instance, name, code))


def report(instance, codes=None):
    """{language code: Completeness} for every language of the table (or `codes`)."""
    counted = counted_fields(instance)
    result = {}
    for code in codes or languages.codes():
        missing = tuple(name for name in counted if not _text(instance, name, code))
        result[code] = Completeness(len(counted) - len(missing), len(counted), missing)
    return result


def publishing_gaps(instance):
    """The language columns to fill before publishing, e.g. ["body_zh_hans"]."""
    return [
        build_localized_fieldname(name, code)
        for code in languages.required()
        for name in missing_fields(instance, code)
    ]


def _empty(name, code):
    column = build_localized_fieldname(name, code)
    return Q(**{f"{column}__regex": BLANK}) | Q(**{f"{column}__isnull": True})


def _missing(model, name, code):
    """The database's version of "`name` counts and is empty in `code`"."""
    if _required(model, name):
        return _empty(name, code)
    others = [~_empty(name, other) for other in languages.codes() if other != code]
    if not others:
        return Q(pk__in=[])
    return _empty(name, code) & reduce(or_, others)


def missing_q(model, code):
    """A filter for the records of `model` with any counted field empty in `code`."""
    conditions = [_missing(model, name, code) for name in translated_fields(model)]
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def complete_q(model):
    """A filter for the records of `model` complete in every language."""
    return ~reduce(or_, (missing_q(model, code) for code in languages.codes()))


def missing_count(model):
    """An annotation: how many field-and-language pairs are missing (0 when complete)."""
    cases = [
        Case(When(_missing(model, name, code), then=Value(1)), default=Value(0))
        for name in translated_fields(model)
        for code in languages.codes()
    ]
    return sum(cases[1:], cases[0]) if cases else Value(0, output_field=IntegerField())
