"""The operating-cost estimate: a year's cost by line, each line citing its indicator."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import AvailableSite, Indicator

MONTHS = 12
DAYS_A_MONTH = Decimal("30.4")
OFFICE_LIKE = {
    AvailableSite.Kind.OFFICE,
    AvailableSite.Kind.LABORATORY,
    AvailableSite.Kind.INCUBATOR,
}
LEVEL_LABELS = {
    "entry": _("Wages, entry-level staff"),
    "skilled": _("Wages, skilled workers"),
    "engineer": _("Wages, engineers"),
    "manager": _("Wages, managers"),
}


@dataclass
class Line:
    label: str
    amount: Decimal
    indicator: Indicator | None = None  # the figure used and cited
    site: AvailableSite | None = None  # or the site's own asking rent


@dataclass
class Estimate:
    lines: list
    total: Decimal


def pick(indicators, kind, level="", district=None):
    """The newest indicator of this kind and level, the district's own before the city's."""
    found = [i for i in indicators if i.kind == kind and i.level == level]
    for wanted in ([district.pk] if district else []) + [None]:
        matching = [i for i in found if i.district_id == wanted]
        if matching:
            return max(matching, key=lambda i: i.as_of)
    return None


def _rent_line(floor_m2, indicators, site, district):
    if not floor_m2:
        return None
    if site and site.price is not None and site.price_basis in ("rent_m2_month", "rent_m2_day"):
        monthly = site.price * (DAYS_A_MONTH if site.price_basis == "rent_m2_day" else 1)
        return Line(_("Rent, at this site's asking rent"), floor_m2 * monthly * MONTHS, site=site)
    office = site is not None and site.kind in OFFICE_LIKE
    kind = Indicator.Kind.OFFICE_RENT if office else Indicator.Kind.FACTORY_RENT
    rent = pick(indicators, kind, district=district)
    if rent is None:
        return None
    label = _("Rent, office") if office else _("Rent, factory")
    return Line(label, floor_m2 * rent.value * MONTHS, indicator=rent)


def estimate(values, indicators, site=None):
    """`values` from EstimateForm.values(); `site` gives the district and its own rent."""
    district = site.district if site else None
    lines, wages = [], Decimal(0)
    for level, label in LEVEL_LABELS.items():
        wage = pick(indicators, Indicator.Kind.WAGE, level, district)
        if values.get(level) and wage is not None:
            amount = values[level] * wage.value * MONTHS
            wages += amount
            lines.append(Line(label, amount, indicator=wage))
    for kind, label in (
        (Indicator.Kind.SOCIAL_INSURANCE, _("Social insurance, employer's share")),
        (Indicator.Kind.HOUSING_FUND, _("Housing fund, employer's share")),
    ):
        rate = pick(indicators, kind, district=district)
        if wages and rate is not None:
            lines.append(Line(label, wages * rate.value / 100, indicator=rate))
    tariff = pick(indicators, Indicator.Kind.ELECTRICITY, district=district)
    if values.get("power_kwh") and tariff is not None:
        lines.append(Line(_("Electricity"), values["power_kwh"] * tariff.value, indicator=tariff))
    rent = _rent_line(values.get("floor_m2"), indicators, site, district)
    if rent:
        lines.append(rent)
    return Estimate(lines=lines, total=sum((line.amount for line in lines), Decimal(0)))
