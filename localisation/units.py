"""Figures stored as a number with a unit, written by the formatting helpers."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import formats


class Unit(models.TextChoices):
    COUNT = "count", _("number")
    PEOPLE = "people", _("people")
    CNY = "cny", _("yuan (RMB)")
    USD = "usd", _("US dollars")
    EUR = "eur", _("euros")
    KM2 = "km2", _("square kilometres")
    M2 = "m2", _("square metres")
    MU = "mu", _("mu (land, 666.67 m²)")
    PERCENT = "percent", _("per cent")
    TEU = "teu", _("TEU (containers)")
    TONNES = "tonnes", _("tonnes")
    HOURS = "hours", _("hours")
    YEAR = "year", _("year (a date, e.g. 2019)")


class Qualifier(models.TextChoices):
    EXACT = "", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


MONEY = {Unit.CNY: "CNY", Unit.USD: "USD", Unit.EUR: "EUR"}
# Written after the number: (Chinese, English).
SUFFIXES = {
    Unit.PEOPLE: ("人", ""),
    Unit.TEU: ("标准箱", " TEU"),
    Unit.TONNES: ("吨", " tonnes"),
    Unit.HOURS: ("小时", " hours"),
}
QUALIFIED = {
    Qualifier.MORE_THAN: ("超过{}", "more than {}"),
    Qualifier.ABOUT: ("约{}", "about {}"),
}


def measure(value, unit, qualifier="", language=None):
    """A stored figure as the language writes it: 26亿美元, 52平方公里, 超过700, about 33%."""
    text = _bare(Decimal(value), unit, language)
    if qualifier in QUALIFIED:
        chinese, english = QUALIFIED[qualifier]
        text = (chinese if formats.is_chinese(language) else english).format(text)
    return text


def _bare(value, unit, language):
    if unit in MONEY:
        return formats.money(value, MONEY[unit], language)
    if unit == Unit.KM2:
        return formats.area(value * formats.SQUARE_METRES_PER_KM2, language)
    if unit == Unit.M2:
        return formats.area(value, language)
    if unit == Unit.MU:
        return formats.area(value * formats.SQUARE_METRES_PER_MU, language, land=True)
    if unit == Unit.PERCENT:
        return formats.percent(value, language)
    if unit == Unit.YEAR:
        return formats.year(int(value), language)
    chinese, english = SUFFIXES.get(unit, ("", ""))
    return formats.number(value, language) + (chinese if formats.is_chinese(language) else english)
