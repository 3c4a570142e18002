"""A large synthetic data set in both languages, written with bulk_create.

Slugs are predictable (`park-00042`, `policy-00042`, `event-00042`,
`centre-042`, `site-00042`, `sector-01`, `district-01`) so the benchmark knows its URLs.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from projects.models import (
    CityFigure,
    District,
    Event,
    OverseasCentre,
    Park,
    ParkFigure,
    Policy,
    Sector,
)
from search.indexing import rebuild as rebuild_search_index
from siting.models import AvailableSite, Indicator, LogisticsNode

PUBLISHED = Park.Status.PUBLISHED
BATCH = 1000
CENTRES = 30
SITES = 10000
NODES = 10
COUNTRIES = ["DE", "KR", "JP", "SG", "US", "GB", "IL", "RU", "KZ", "PK"]

BODY_EN = "".join(
    f"<p>Paragraph {n} about the site, its companies, its land and its services. "
    "Investors find logistics, talent and incentives here.</p>"
    for n in range(1, 6)
)
BODY_ZH = "".join(
    f"<p>第{n}段：园区的企业、土地与服务。投资者可在此获得物流、人才和政策支持。</p>"
    for n in range(1, 6)
)


def texts(**fields):
    """Translated columns from name=(English, Chinese) pairs."""
    columns = {}
    for name, (value_en, value_zh) in fields.items():
        columns[f"{name}_en"] = value_en
        columns[f"{name}_zh_hans"] = value_zh
    return columns


def taxonomy(model, prefix, count, en, zh):
    return model.objects.bulk_create(
        model(
            slug=f"{prefix}-{n:02d}",
            position=n,
            **texts(name=(f"{en} {n}", f"{zh}{n}")),
        )
        for n in range(1, count + 1)
    )


def link(relation, rows):
    """Fill an M2M through table: rows are (owner pk, target pk)."""
    through = relation.through
    owner, target = (f.attname for f in through._meta.fields if f.is_relation)
    through.objects.bulk_create(
        (through(**{owner: a, target: b}) for a, b in rows), batch_size=BATCH
    )


def make_parks(count, sectors, districts):
    kinds = list(Park.Kind.values)
    parks = Park.objects.bulk_create(
        (
            Park(
                slug=f"park-{n:05d}",
                status=PUBLISHED,
                kind=kinds[n % len(kinds)],
                district=districts[n % len(districts)],
                is_featured=n <= 6,
                established_year=1990 + n % 35,
                area_km2=Decimal(n % 300) + Decimal("0.5"),
                latitude=Decimal("36.07") + Decimal(n % 50) / 100,
                longitude=Decimal("120.38") + Decimal(n % 70) / 100,
                website="https://park.example/",
                **texts(
                    name=(f"Synthetic Park {n}", f"合成产业园{n}"),
                    summary=(
                        f"Park {n}: land, companies and services.",
                        f"{n}号园区：土地、企业与服务。",
                    ),
                    body=(BODY_EN, BODY_ZH),
                    address=(f"{n} Park Road, Qingdao", f"青岛市园区路{n}号"),
                ),
            )
            for n in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    link(Park.sectors, ((p.pk, sectors[i % len(sectors)].pk) for i, p in enumerate(parks)))
    link(Park.sectors, ((p.pk, sectors[(i + 3) % len(sectors)].pk) for i, p in enumerate(parks)))
    ParkFigure.objects.bulk_create(
        (
            ParkFigure(
                park=p,
                position=k,
                value=(k + 1) * 100,
                qualifier="more_than",
                label_en=f"Figure {k}",
                label_zh_hans=f"指标{k}",
            )
            for p in parks
            for k in range(3)
        ),
        batch_size=BATCH,
    )
    return parks


def make_policies(count, sectors, parks):
    categories = list(Policy.Category.values)
    start = datetime.date(2018, 1, 1)
    policies = Policy.objects.bulk_create(
        (
            Policy(
                slug=f"policy-{n:05d}",
                status=PUBLISHED,
                category=categories[n % len(categories)],
                document_number=f"QD-{n}",
                effective_date=start + datetime.timedelta(days=n % 2500),
                expiry_date=start + datetime.timedelta(days=n % 2500 + 365 * (1 + n % 8)),
                **texts(
                    name=(f"Synthetic incentive policy {n}", f"合成扶持政策{n}"),
                    authority=("Qingdao Municipal Government", "青岛市人民政府"),
                    summary=(f"Policy {n} supports investors.", f"{n}号政策支持投资者。"),
                    eligibility=("Companies registered in Qingdao.", "在青岛注册的企业。"),
                    benefits=("Subsidies up to 5 million yuan.", "最高500万元补贴。"),
                    body=(BODY_EN, BODY_ZH),
                ),
            )
            for n in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    link(Policy.sectors, ((p.pk, sectors[i % len(sectors)].pk) for i, p in enumerate(policies)))
    link(Policy.parks, ((p.pk, parks[i % len(parks)].pk) for i, p in enumerate(policies)))
    return policies


def make_centres(count):
    return OverseasCentre.objects.bulk_create(
        OverseasCentre(
            slug=f"centre-{n:03d}",
            status=PUBLISHED,
            country=COUNTRIES[n % len(COUNTRIES)],
            established_year=2000 + n % 25,
            email="centre@example.com",
            latitude=Decimal(n % 60),
            longitude=Decimal(n % 150),
            **texts(
                name=(f"Qingdao Business Centre {n}", f"青岛商务中心{n}"),
                city=(f"City {n}", f"城市{n}"),
                summary=("Meets investors abroad.", "在海外对接投资者。"),
                services=("Market entry advice.", "市场准入咨询。"),
                address=(f"{n} Main Street", f"主街{n}号"),
            ),
        )
        for n in range(1, count + 1)
    )


def make_events(count, sectors, parks, centres):
    kinds = list(Event.Kind.values)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    events = Event.objects.bulk_create(
        (
            Event(
                slug=f"event-{n:05d}",
                status=PUBLISHED,
                kind=kinds[n % len(kinds)],
                # Half upcoming, half past, spread over about three years each way.
                starts_at=now + datetime.timedelta(hours=9 * (n - count // 2)),
                ends_at=now + datetime.timedelta(hours=9 * (n - count // 2) + 8),
                country=COUNTRIES[n % len(COUNTRIES)] if n % 3 else "CN",
                registration_url="https://events.example/register",
                park=parks[n % len(parks)],
                centre=centres[n % len(centres)] if n % 4 == 0 else None,
                **texts(
                    name=(f"Synthetic investment forum {n}", f"合成投资论坛{n}"),
                    summary=(f"Forum {n} for investors.", f"面向投资者的{n}号论坛。"),
                    body=(BODY_EN, BODY_ZH),
                    venue=("International Convention Centre", "国际会议中心"),
                    city=("Qingdao", "青岛"),
                    organiser=("Qingdao Investment Promotion", "青岛市投资促进局"),
                ),
            )
            for n in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    link(Event.sectors, ((e.pk, sectors[i % len(sectors)].pk) for i, e in enumerate(events)))
    return events


# Price bases with a factor that keeps each price plausible on its basis.
PRICE_SCALE = [
    ("rent_m2_month", 1),
    ("rent_m2_day", Decimal("0.04")),
    ("sale_m2", 200),
    ("land_mu", 10000),
    ("sale_total", 100000),
]


def make_siting(count, sectors, parks):
    """Logistics nodes, `count` available sites spread over the parks, and the indicators."""
    LogisticsNode.objects.bulk_create(
        LogisticsNode(
            slug=f"node-{n:02d}",
            kind=list(LogisticsNode.Kind.values)[n % 5],
            position=n,
            latitude=Decimal("35.9") + Decimal(n) / 20,
            longitude=Decimal("120.0") + Decimal(n) / 20,
            **texts(name=(f"Logistics node {n}", f"物流节点{n}")),
        )
        for n in range(1, NODES + 1)
    )
    kinds = list(AvailableSite.Kind.values)
    sites = AvailableSite.objects.bulk_create(
        (
            AvailableSite(
                slug=f"site-{n:05d}",
                status=PUBLISHED,
                kind=kinds[n % len(kinds)],
                park=parks[n % len(parks)],
                district_id=parks[n % len(parks)].district_id,
                area_m2=Decimal(200 + n % 50000),
                # Every price basis, so that the price sorts convert (siting.pricing).
                price=Decimal(10 + n % 40) * PRICE_SCALE[n % len(PRICE_SCALE)][1],
                price_basis=PRICE_SCALE[n % len(PRICE_SCALE)][0],
                power_kva=n % 8000,
                available_from=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 900),
                latitude=Decimal("35.8") + Decimal(n % 70) / 100,
                longitude=Decimal("119.9") + Decimal(n % 90) / 100,
                **texts(
                    name=(f"Synthetic site {n}", f"合成载体{n}"),
                    summary=(f"Site {n}: land or building.", f"{n}号载体：土地或厂房。"),
                    body=(BODY_EN, BODY_ZH),
                ),
            )
            for n in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    link(AvailableSite.sectors, ((s.pk, sectors[i % len(sectors)].pk) for i, s in enumerate(sites)))
    today = timezone.localdate()
    Indicator.objects.bulk_create(
        Indicator(
            slug=f"indicator-{kind}-{level or 'all'}",
            kind=kind,
            level=level,
            value=Decimal(value),
            unit=unit,
            as_of=today,
            **texts(source_name=("Statistics bureau", "统计局")),
        )
        for kind, level, value, unit in [
            *((Indicator.Kind.WAGE, lv, 5000 * (i + 1), "cny_month")
              for i, lv in enumerate(Indicator.Level.values)),
            (Indicator.Kind.MINIMUM_WAGE, "", 2300, "cny_month"),
            (Indicator.Kind.SOCIAL_INSURANCE, "", 26, "percent"),
            (Indicator.Kind.HOUSING_FUND, "", 10, "percent"),
            (Indicator.Kind.ELECTRICITY, "", "0.68", "cny_kwh"),
            (Indicator.Kind.FACTORY_RENT, "", 20, "cny_m2_month"),
            (Indicator.Kind.OFFICE_RENT, "", 60, "cny_m2_month"),
            (Indicator.Kind.EXCHANGE_RATE, "", "7.1", "cny_per_usd"),
        ]
    )  # fmt: skip
    return sites


@transaction.atomic
def fill(parks=5000, policies=10000, events=10000, centres=CENTRES, sites=SITES):
    """Write the whole data set; returns the row counts per model."""
    sectors = taxonomy(Sector, "sector", 12, "Sector", "产业")
    districts = taxonomy(District, "district", 10, "District", "区")
    CityFigure.objects.bulk_create(
        CityFigure(
            slug=f"figure-{n}",
            position=n,
            value=Decimal(n * 10**12) + Decimal("0.5e12"),
            unit="cny",
            name_en="GDP",
            name_zh_hans="地区生产总值",
        )
        for n in range(1, 5)
    )
    park_rows = make_parks(parks, sectors, districts)
    make_policies(policies, sectors, park_rows)
    centre_rows = make_centres(centres)
    make_events(events, sectors, park_rows, centre_rows)
    make_siting(sites, sectors, park_rows)
    # Bulk inserts send no signals: the search index is built once, at the end.
    rebuild_search_index()
    with translation.override("en"):
        return {
            str(model._meta.verbose_name_plural): model.objects.count()
            for model in (Park, Policy, Event, OverseasCentre, Sector, District)
            + (AvailableSite, LogisticsNode, Indicator)
        }
