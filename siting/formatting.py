"""Siting figures written through the localisation helpers, in the active language."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext, gettext_noop, pgettext
from django.utils.translation import gettext_lazy as _

from localisation import formats

TENTH = Decimal("0.1")


def _n(value):
    return formats.number(Decimal(str(value)).quantize(TENTH, ROUND_HALF_UP))


def km(value):
    return gettext("%(number)s km") % {"number": _n(value)}


def site_area(site):
    """Land in 亩 with m² beside it in Chinese; m² in English."""
    if site.is_land and formats.is_chinese():
        in_mu = formats.area(site.area_m2, land=True)
        return in_mu + formats.parenthesised(formats.area(site.area_m2))
    return formats.area(site.area_m2)


PER_UNIT = {
    "cny_month": lambda text: gettext("%(amount)s a month") % {"amount": text},
    "cny_kwh": lambda text: gettext("%(amount)s per kWh") % {"amount": text},
    "cny_tonne": lambda text: gettext("%(amount)s per tonne") % {"amount": text},
    "cny_m3": lambda text: gettext("%(amount)s per m³") % {"amount": text},
    "cny_m2_month": lambda text: gettext("%(amount)s per m² a month") % {"amount": text},
    "cny_mu": lambda text: gettext("%(amount)s per mu") % {"amount": text},
}


def cny(amount):
    """Yuan: small sums in full (4300元), large ones in the magnitude (51.6万元)."""
    amount = Decimal(str(amount))
    return formats.money(amount, "CNY", approximate=amount >= 10000)


def indicator_value(indicator):
    """4,800元/月 · RMB 4,800 a month · 26.6% · 690万人."""
    value, unit = indicator.value, indicator.unit
    if unit in PER_UNIT:
        return PER_UNIT[unit](cny(value))
    if unit == "percent":
        return formats.percent(value)
    if unit == "people":
        return pgettext("people", "%(number)s people") % {"number": formats.number(value)}
    if unit == "cny_per_usd":
        return gettext("%(amount)s per US dollar") % {
            "amount": formats.money(value, "CNY", approximate=False)
        }
    return formats.number(value)


def site_price(site):
    """The price on its basis: 18元/平方米/月 · RMB 18 per m² a month."""
    if site.price is None:
        return ""
    text = cny(site.price)
    basis = site.price_basis
    if basis == "rent_m2_month":
        return PER_UNIT["cny_m2_month"](text)
    if basis == "rent_m2_day":
        return gettext("%(amount)s per m² a day") % {"amount": text}
    if basis == "sale_m2":
        return gettext("%(amount)s per m² to buy") % {"amount": text}
    if basis == "land_mu":
        return PER_UNIT["cny_mu"](text)
    return text


def usd(amount_cny, rate):
    """The indicative US$ figure of a yuan amount at an editor-set rate."""
    if rate is None or amount_cny is None:
        return ""
    return formats.money(Decimal(amount_cny) / rate.value, "USD")


def _with(template):
    return lambda v: gettext(template) % {"number": formats.number(v)}


UTILITY = {
    "power_kva": (_("Power capacity"), _with(gettext_noop("%(number)s kVA"))),
    "water_t_day": (_("Water supply"), _with(gettext_noop("%(number)s t/day"))),
    "gas_m3_hour": (_("Natural gas"), _with(gettext_noop("%(number)s m³/hour"))),
    "steam_t_hour": (_("Steam"), _with(gettext_noop("%(number)s t/hour"))),
    "wastewater_t_day": (_("Wastewater treatment"), _with(gettext_noop("%(number)s t/day"))),
    "floor_load_t_m2": (_("Floor load"), _with(gettext_noop("%(number)s t/m²"))),
    "clear_height_m": (_("Clear height"), _with(gettext_noop("%(number)s m"))),
    "dock_doors": (_("Dock doors"), formats.number),
}


def specification(site):
    """(label, text) for each technical figure the site has."""
    return [
        (label, write(getattr(site, name)))
        for name, (label, write) in UTILITY.items()
        if getattr(site, name) is not None
    ]


# The basis each price sort compares on, and the site price basis already written on it.
COMPARED = {"rent_m2_month": "rent_m2_month", "sale_m2": "sale_m2"}
COMPARED_STEP = {"rent_m2_month": TENTH, "sale_m2": Decimal(1)}


def compared_price(site, basis):
    """The price a sort compared, where the site gives it on another basis: ≈ 26.1元/平方米/月."""
    value = getattr(site, basis, None)
    if value is None or site.price_basis == COMPARED[basis]:
        return ""
    amount = cny(Decimal(str(value)).quantize(COMPARED_STEP[basis], ROUND_HALF_UP))
    if basis == "rent_m2_month":
        return gettext("about %(price)s") % {"price": PER_UNIT["cny_m2_month"](amount)}
    return gettext("about %(amount)s per m²") % {"amount": amount}
