"""Records of the siting app for tests: sites, logistics nodes, indicators."""

import datetime
from itertools import count

from siting.models import AvailableSite, Indicator, LogisticsNode

from .factories import bilingual

_serial = count(1)
# Approximate coordinates of the Qianwan port area and Jiaodong airport.
QIANWAN = ("36.020000", "120.230000")
AIRPORT = ("36.362000", "120.088000")


def make_node(**fields):
    slug = fields.pop("slug", f"node-{next(_serial)}")
    latitude, longitude = fields.pop("at", QIANWAN)
    defaults = {
        "kind": LogisticsNode.Kind.PORT,
        "latitude": latitude,
        "longitude": longitude,
        **bilingual("name", f"Node {slug}", f"节点{slug}"),
    }
    return LogisticsNode.objects.create(slug=slug, **{**defaults, **fields})


def make_site(**fields):
    slug = fields.pop("slug", f"site-{next(_serial)}")
    defaults = {
        "status": AvailableSite.Status.PUBLISHED,
        "kind": AvailableSite.Kind.FACTORY,
        "area_m2": "5000",
        "latitude": "36.000000",
        "longitude": "120.200000",
        **bilingual("name", f"Site {slug}", f"载体{slug}"),
        **bilingual("summary", f"Summary of {slug}.", f"{slug}的简介。"),
    }
    site = AvailableSite.objects.create(slug=slug, **{**defaults, **fields})
    site.refresh_from_db()  # numbers as the database gives them back (Decimal)
    return site


def make_indicator(**fields):
    slug = fields.pop("slug", f"indicator-{next(_serial)}")
    defaults = {
        "kind": Indicator.Kind.WAGE,
        "level": Indicator.Level.ENTRY,
        "value": "5000",
        "unit": Indicator.Unit.CNY_MONTH,
        "as_of": datetime.date.today(),
        **bilingual("source_name", "Statistics bureau", "统计局"),
    }
    indicator = Indicator.objects.create(slug=slug, **{**defaults, **fields})
    indicator.refresh_from_db()
    return indicator


def make_cost_indicators():
    """A wage for each level, insurance, housing fund, electricity, factory rent, the rate."""
    values = {"entry": 4000, "skilled": 6000, "engineer": 10000, "manager": 20000}
    for level, value in values.items():
        make_indicator(slug=f"wage-{level}", level=level, value=value)
    make_indicator(slug="insurance", kind="social_insurance", level="", value="25", unit="percent")
    make_indicator(slug="fund", kind="housing_fund", level="", value="10", unit="percent")
    make_indicator(slug="power", kind="electricity", level="", value="0.7", unit="cny_kwh")
    make_indicator(slug="rent", kind="factory_rent", level="", value="20", unit="cny_m2_month")
    make_indicator(slug="usd", kind="exchange_rate", level="", value="7", unit="cny_per_usd")
