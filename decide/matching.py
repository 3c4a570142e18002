"""The incentive finder's matching as query conditions: the database sorts the policies.

Each criterion of `decide.finder` becomes a condition "the project meets it"; a
policy's unmet count decides its group (applies, nearly, city-wide), and a window
keeps the first `limit` of each group with the group's size, so the finder reads
one row per policy shown whatever the number of policies in force.
"""

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, RowNumber

from projects.models import Park, Policy

APPLIES, NEARLY, CITY_WIDE = "applies", "nearly", "city_wide"
GROUPS = (APPLIES, NEARLY, CITY_WIDE)
# A choice list stored as JSON text: `[]` when empty, each code quoted inside.
EMPTY_LIST = "[]"


def _linked(relation, **lookups):
    return Q(pk__in=relation.through.objects.filter(**lookups).values("policy_id"))


def _names_a_place():
    """The policy names a published park or any district (an unpublished park is no place)."""
    return _linked(Policy.parks, park__in=Park.objects.published()) | _linked(Policy.districts)


def _listed(column, codes):
    """The choice list is empty ("any") or holds one of the codes."""
    text = Cast(column, TextField())
    found = Q(**{f"{column}_text": EMPTY_LIST})
    for code in codes:
        found |= Q(**{f"{column}_text__contains": f'"{code}"'})
    return text, found


def _fits_sector(project):
    if project.sector is None:
        return Q()
    return _linked(Policy.sectors, sector=project.sector) | ~_linked(Policy.sectors)


def _place_met(project):
    if project.park is None and project.district is None:
        return None
    met = ~_names_a_place()
    if project.park is not None:
        met |= _linked(Policy.parks, park=project.park)
    if project.district_id is not None:
        met |= _linked(Policy.districts, district_id=project.district_id)
    return met


def _at_least(column, amount):
    if amount is None:
        return None
    return Q(**{f"{column}__isnull": True}) | Q(**{f"{column}__lte": amount})


def _conditions(project):
    """(annotations, [condition met]) for each criterion the answers can leave unmet."""
    annotations, met = {}, []
    for column, codes in (
        ("company_types", [project.company_type] if project.company_type else []),
        ("talent_categories", list(project.talent)),
    ):
        annotations[f"{column}_text"], listed = _listed(column, codes)
        if codes:
            met.append(listed)
    met += [
        condition
        for condition in (
            _place_met(project),
            _at_least("min_investment", project.investment),
            _at_least("min_headcount", project.headcount),
        )
        if condition is not None
    ]
    return annotations, met


def _city_wide():
    """No sector, place, company type, talent or threshold of its own (finder.is_city_wide)."""
    return (
        ~_linked(Policy.sectors)
        & ~_names_a_place()
        & Q(company_types_text=EMPTY_LIST, talent_categories_text=EMPTY_LIST)
        & Q(min_investment__isnull=True, min_headcount__isnull=True)
    )


def _unmet_count(met):
    missed = [
        Case(When(condition, then=0), default=1, output_field=IntegerField()) for condition in met
    ]
    return sum(missed[1:], missed[0]) if missed else Value(0, output_field=IntegerField())


def grouped_policies(project, limit):
    """The in-force policies of each group, at most `limit` a group, each with the
    `finder_group`, `group_size` and `group_row` annotations (one query)."""
    annotations, met = _conditions(project)
    group = Case(
        When(Q(unmet=0) & _city_wide(), then=Value(CITY_WIDE)),
        When(unmet=0, then=Value(APPLIES)),
        When(unmet=1, then=Value(NEARLY)),
        default=None,
        output_field=CharField(),
    )
    found = (
        Policy.objects.published()
        .in_force()
        .filter(_fits_sector(project))
        .annotate(**annotations)
        .annotate(unmet=_unmet_count(met))
        .annotate(finder_group=group)
        .filter(finder_group__isnull=False)
        .annotate(
            group_row=Window(
                RowNumber(), partition_by=[F("finder_group")], order_by=["category", "slug"]
            ),
            group_size=Window(Count("pk"), partition_by=[F("finder_group")]),
        )
    )
    if limit is not None:
        found = found.filter(group_row__lte=limit)
    return found.order_by("finder_group", "category", "slug")
