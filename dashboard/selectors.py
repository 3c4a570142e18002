"""What needs the editors' attention: the dashboard's and the digest's sections.

A constant number of queries: one per content model, one per figure model, one for
the failing links and one per type of record that holds them, however many records.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from localisation import formats
from projects import completeness
from projects.models import Event, Policy, Publishable
from projects.models.figure import Measured
from siting.models import Indicator, stale_before

from .models import ExternalLink
from .reviews import review_cutoff

# Items listed per section; the heading gives the full count.
LIMIT = 25


@dataclass
class Item:
    label: str
    url: str  # the record's change form in the admin
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    items: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.items)

    @property
    def heading(self):
        """The title with its count: "Figures older than 18 months (3)", "……（3）"."""
        return f"{self.title}{formats.parenthesised(self.total)}"

    @property
    def shown(self):
        return self.items[:LIMIT]


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def can_change(user, model):
    return user is None or user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def content_models(user):
    """The publishable models the user may edit, in a stable order."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and admin.site.is_registered(model)
    ]
    found.sort(key=lambda model: model._meta.label)
    return [model for model in found if can_change(user, model)]


def item(record, note=""):
    return Item(label=str(record), url=change_url(record), note=note)


def kind_of(record):
    return str(record._meta.verbose_name)


def translation_sections(records):
    sections = {
        code: Section(
            key=f"missing-{code}",
            title=_("Missing translations: %(language)s") % {"language": label},
        )
        for code, label in settings.LANGUAGES
    }
    for record in records:
        for code, counted in completeness.report(record).items():
            if counted.complete:
                continue
            names = counted.missing_fields
            fields = formats.join(record._meta.get_field(name).verbose_name for name in names)
            sections[code].items.append(item(record, f"{kind_of(record)} · {fields}"))
    return list(sections.values())


def review_section(records, now):
    cutoff = review_cutoff(now)
    section = Section(
        key="review",
        title=ngettext(
            "Published records not reviewed in %(months)d month",
            "Published records not reviewed in %(months)d months",
            settings.REVIEW_MAX_AGE_MONTHS,
        )
        % {"months": settings.REVIEW_MAX_AGE_MONTHS},
    )
    for record in records:
        if record.status != Publishable.Status.PUBLISHED:
            continue
        if record.reviewed_at is None:
            never = _("never reviewed")
            section.items.append(item(record, f"{kind_of(record)} · {never}"))
        elif record.reviewed_at < cutoff:
            when = _("last reviewed %(date)s") % {"date": formats.date(record.reviewed_at)}
            section.items.append(item(record, f"{kind_of(record)} · {when}"))
    return section


def expiring_policies_section(records, today):
    until = today + timedelta(days=settings.POLICY_EXPIRY_WARNING_DAYS)
    section = Section(
        key="expiring",
        title=_("Policies expiring within %(days)d days")
        % {"days": settings.POLICY_EXPIRY_WARNING_DAYS},
    )
    policies = [
        record
        for record in records
        if isinstance(record, Policy)
        and record.status == Publishable.Status.PUBLISHED
        and record.expiry_date
        and today <= record.expiry_date <= until
    ]
    for policy in sorted(policies, key=lambda policy: policy.expiry_date):
        note = _("expires %(date)s") % {"date": formats.date(policy.expiry_date)}
        section.items.append(item(policy, note))
    return section


def past_events_section(records, now):
    """Published events that ended and that nobody has looked at since: still as promoted."""
    section = Section(key="past-events", title=_("Past events still published as promoted"))
    events = [
        record
        for record in records
        if isinstance(record, Event)
        and record.status == Publishable.Status.PUBLISHED
        and record.ends_at < now
        and (record.reviewed_at is None or record.reviewed_at < record.ends_at)
    ]
    for event in sorted(events, key=lambda event: event.ends_at, reverse=True):
        note = _("ended %(date)s") % {"date": formats.date(event.ends_at)}
        section.items.append(item(event, note))
    return section


def owner_field(model):
    """A figure edited inline on its parent's page (a park's key figures): that parent."""
    if admin.site.is_registered(model):
        return None
    return next(
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and admin.site.is_registered(f.related_model)
    )


def figure_models(user):
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, Measured) and (admin.site.is_registered(model) or owner_field(model))
    ]
    found.sort(key=lambda model: model._meta.label)
    return [model for model in found if can_change(user, model)]


def stale_figures_section(user, today):
    cutoff = stale_before(today)
    section = Section(
        key="figures",
        title=ngettext(
            "Figures older than %(months)d month",
            "Figures older than %(months)d months",
            settings.FIGURE_MAX_AGE_MONTHS,
        )
        % {"months": settings.FIGURE_MAX_AGE_MONTHS},
    )
    for model in figure_models(user):
        parent = owner_field(model)
        figures = model.objects.filter(year__lt=cutoff.year).order_by("year", "pk")
        if parent:
            figures = figures.select_related(parent)
        for figure in figures:
            owner = getattr(figure, parent) if parent else figure
            label = f"{owner} · {figure}" if parent else str(figure)
            note = " · ".join(str(part) for part in (figure.year, figure.source_name) if part)
            section.items.append(Item(label=label, url=change_url(owner), note=note))
    if can_change(user, Indicator):
        indicators = Indicator.objects.filter(as_of__lt=cutoff).select_related("sector", "district")
        for indicator in indicators.order_by("as_of", "pk"):
            note = f"{formats.date(indicator.as_of)} · {indicator.source_name}"
            section.items.append(item(indicator, note))
    return section


def broken_links_section(user):
    section = Section(key="links", title=_("External links that stopped answering"))
    links = (
        ExternalLink.objects.filter(failures__gt=0)
        .order_by("-failures", "url")
        .prefetch_related("sources__record")
    )
    for link in links:
        notes = [link.url, f"HTTP {link.status_code}" if link.status_code else link.error]
        notes.append(
            ngettext("%(count)d failed check", "%(count)d failed checks", link.failures)
            % {"count": link.failures}
        )
        if link.failing_since:
            notes.append(_("failing since %(date)s") % {"date": formats.date(link.failing_since)})
        for source in link.sources.all():
            record = source.record
            if record is None or not can_change(user, type(record)):
                continue
            section.items.append(item(record, " · ".join(note for note in notes if note)))
    return section


def attention(*, user=None, now=None):
    """Every section, in the dashboard's order; `user` None: everything (tests, commands)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    records = [record for model in content_models(user) for record in model.objects.all()]
    return [
        *translation_sections(records),
        stale_figures_section(user, today),
        expiring_policies_section(records, today),
        past_events_section(records, now),
        review_section(records, now),
        broken_links_section(user),
    ]


def needs_attention(sections):
    return any(section.items for section in sections)
