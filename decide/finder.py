"""Which policies in force apply to an investor's project, and which nearly do and why not.

A question left unanswered never narrows the result. A policy "nearly applies"
when exactly one of its conditions is unmet and the sector fits: a different
industry is not a near miss.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from localisation import formats
from projects.models import Policy


@dataclass(frozen=True)
class Project:
    """The questionnaire's answers; None or empty for a question not answered."""

    sector: object = None
    park: object = None
    district: object = None
    company_type: str = ""
    investment: Decimal | None = None
    headcount: int | None = None
    talent: tuple = ()

    @property
    def district_id(self):
        if self.park is not None:
            return self.park.district_id
        return self.district.pk if self.district is not None else None

    @property
    def answers(self):
        """The answers as plain values: the same for every way of typing them (a park's
        name or slug, 5 or 5.00 million)."""
        investment = None if self.investment is None else str(self.investment.normalize())
        return (
            *(getattr(record, "pk", None) for record in (self.sector, self.park, self.district)),
            self.company_type,
            investment,
            self.headcount,
            sorted(set(self.talent)),
        )


@dataclass
class Result:
    applies: list = field(default_factory=list)
    nearly: list = field(default_factory=list)  # (policy, reason)
    city_wide: list = field(default_factory=list)
    # Each group's full size when the lists were cut (decide.matching); None when whole.
    counts: dict | None = None

    @property
    def sizes(self):
        """{group: number of policies}, whether or not the lists were cut."""
        if self.counts is not None:
            return self.counts
        return {
            "applies": len(self.applies),
            "nearly": len(self.nearly),
            "city_wide": len(self.city_wide),
        }

    @property
    def relied_on(self):
        """Every policy the result names."""
        return [*self.applies, *(policy for policy, _reason in self.nearly), *self.city_wide]


def is_city_wide(policy):
    """For every company: every sector, park and district, and no condition of its own."""
    conditions = (policy.company_types, policy.talent_categories)
    thresholds = (policy.min_investment, policy.min_headcount)
    return not (
        policy.sectors.all()
        or policy.parks.all()
        or policy.districts.all()
        or any(conditions)
        or any(value is not None for value in thresholds)
    )


def fits_sector(policy, project):
    sectors = policy.sectors.all()
    return project.sector is None or not sectors or project.sector in sectors


def _place_unmet(policy, project):
    parks, districts = policy.parks.all(), policy.districts.all()
    if not (parks or districts) or (project.park is None and project.district is None):
        return None
    if project.park in parks or project.district_id in {d.pk for d in districts}:
        return None
    places = formats.join([place.name for place in (*parks, *districts)])
    return _("only in %(places)s") % {"places": places}


def _company_unmet(policy, project):
    wanted = policy.company_types
    if not wanted or not project.company_type or project.company_type in wanted:
        return None
    names = Policy._meta.get_field("company_types").labels(wanted)
    return _("only for: %(types)s") % {"types": formats.join([str(n) for n in names])}


def _investment_unmet(policy, project):
    needed = policy.min_investment
    if needed is None or project.investment is None or project.investment >= needed:
        return None
    return _("needs an investment of at least %(amount)s") % {
        "amount": formats.money(needed, "CNY")
    }


def _headcount_unmet(policy, project):
    needed = policy.min_headcount
    if needed is None or project.headcount is None or project.headcount >= needed:
        return None
    return _("needs ≥ %(count)s employees") % {"count": formats.number(needed)}


def _talent_unmet(policy, project):
    wanted = policy.talent_categories
    if not wanted or not project.talent or set(project.talent) & set(wanted):
        return None
    names = Policy._meta.get_field("talent_categories").labels(wanted)
    return _("only for: %(types)s") % {"types": formats.join([str(n) for n in names])}


CONDITIONS = (_place_unmet, _company_unmet, _investment_unmet, _headcount_unmet, _talent_unmet)


def unmet(policy, project):
    """Why the policy does not apply to the project: one reason per unmet condition."""
    return [reason for check in CONDITIONS if (reason := check(policy, project))]


def assess(policies, project):
    """Sort in-force policies (sectors, parks, districts prefetched) for the project."""
    result = Result()
    for policy in policies:
        if not fits_sector(policy, project):
            continue
        reasons = unmet(policy, project)
        if not reasons:
            (result.city_wide if is_city_wide(policy) else result.applies).append(policy)
        elif len(reasons) == 1:
            result.nearly.append((policy, reasons[0]))
    return result


def applies_at(policy, park, district_id, sector_ids):
    """The policy covers this place (park or district) and one of these sectors."""
    parks, districts = policy.parks.all(), policy.districts.all()
    in_place = not (parks or districts) or park in parks or district_id in {d.pk for d in districts}
    sectors = {sector.pk for sector in policy.sectors.all()}
    return in_place and (not sectors or not sector_ids or bool(sectors & set(sector_ids)))


def describe(project):
    """The answers given, as (question, answer) in the active language."""
    field = Policy._meta.get_field
    answers = [
        (_("Sector"), project.sector and project.sector.name),
        (_("Park"), project.park and project.park.name),
        (_("District"), project.district and project.district.name),
        (
            _("Company type"),
            formats.join(field("company_types").labels([project.company_type])),
        ),
        (
            _("Planned investment"),
            project.investment is not None and formats.money(project.investment, "CNY"),
        ),
        (
            _("Employees in Qingdao"),
            project.headcount is not None and formats.number(project.headcount),
        ),
        (
            _("Talent"),
            formats.join(
                [str(label) for label in field("talent_categories").labels(project.talent)]
            ),
        ),
    ]
    return [(question, answer) for question, answer in answers if answer]
