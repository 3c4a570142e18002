"""Small helpers that build valid records; override only what a test cares about."""

import datetime
from itertools import count

from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from projects.models import District, Event, OverseasCentre, Park, Policy, Sector

_serial = count(1)


def _unique(prefix):
    return f"{prefix}-{next(_serial)}"


def bilingual(name, en, zh):
    return translated(**{name: {"en": en, "zh-hans": zh}})


def translated(**fields):
    """Fields with their columns: `name={"en": "Eco-Park", "zh-hans": "生态园"}` gives
    `name_en` and `name_zh_hans`; other values are kept as they are."""
    columns = {}
    for name, value in fields.items():
        if isinstance(value, dict):
            columns.update({build_localized_fieldname(name, code): v for code, v in value.items()})
        else:
            columns[name] = value
    return columns


def make_sector(**fields):
    slug = fields.pop("slug", _unique("sector"))
    defaults = {**bilingual("name", f"Sector {slug}", f"产业 {slug}")}
    return Sector.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def make_district(**fields):
    slug = fields.pop("slug", _unique("district"))
    defaults = {**bilingual("name", f"District {slug}", f"区 {slug}")}
    return District.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def _publishable(prefix, fields):
    slug = fields.pop("slug", _unique(prefix))
    return slug, {
        "status": Park.Status.PUBLISHED,
        **bilingual("name", f"{prefix.title()} {slug}", f"中文名称 {slug}"),
        **bilingual("summary", f"Summary of {slug}.", f"{slug} 的简介。"),
    }


def make_park(**fields):
    slug, defaults = _publishable("park", fields)
    defaults["kind"] = Park.Kind.INDUSTRIAL_PARK
    return Park.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def make_policy(**fields):
    slug, defaults = _publishable("policy", fields)
    defaults["category"] = Policy.Category.TAX
    defaults["effective_date"] = datetime.date(2024, 1, 1)
    return Policy.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def make_event(**fields):
    slug, defaults = _publishable("event", fields)
    start = timezone.now() + datetime.timedelta(days=30)
    defaults.update(
        kind=Event.Kind.CONFERENCE,
        starts_at=start,
        ends_at=start + datetime.timedelta(days=2),
        **bilingual("city", "Qingdao", "青岛"),
    )
    return Event.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def make_centre(**fields):
    slug, defaults = _publishable("centre", fields)
    defaults.update(country="DE", **bilingual("city", "Frankfurt", "法兰克福"))
    return OverseasCentre.objects.create(slug=slug, **{**defaults, **translated(**fields)})


def make_record(model, **fields):
    """A published record of a content type without a factory of its own: slug, name and
    summary in every required language, defaults for the rest."""
    slug, defaults = _publishable(model._meta.model_name, fields)
    return model.objects.create(slug=slug, **{**defaults, **translated(**fields)})
