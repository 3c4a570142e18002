"""The comparison table: one row per fact, one cell per park or site, in the active language.

Each cell is a list of items (text, optional link and note), so a row whose cells
read differently can be marked whatever the fact is.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from enquiries.models import Enquiry
from enquiries.routing import desk_chooser
from localisation import formats
from projects.templatetags.public import other_language
from siting import formatting
from siting import selectors as siting_selectors
from siting.distances import great_circle_km

from . import selectors
from .finder import applies_at, is_city_wide

EVENTS_SHOWN = 3


@dataclass(frozen=True)
class Item:
    text: str
    url: str = ""
    note: str = ""
    lang: str = ""  # set when the text is in another language than the page's


@dataclass
class Row:
    label: str
    cells: list

    @property
    def differs(self):
        return len(self.cells) > 1 and len({_key(cell) for cell in self.cells}) > 1


@dataclass
class Section:
    title: str
    rows: list = field(default_factory=list)

    def add(self, label, cells):
        self.rows.append(Row(str(label), cells))


def _key(cell):
    return tuple((item.text, item.note) for item in cell)


def _items(*texts):
    return [Item(str(text)) for text in texts if text not in (None, "")]


def _names(records):
    return [Item(record.name) for record in records]


def _links(records):
    return [Item(record.name, record.get_absolute_url()) for record in records]


def _distance(place, node, minutes):
    if not place.has_location:
        return []
    km = great_circle_km(place.latitude, place.longitude, node.latitude, node.longitude)
    note = ngettext("%(count)s minute drive", "%(count)s minutes drive", minutes or 0) % {
        "count": minutes
    }
    return [Item(formatting.km(km), note=note if minutes else "")]


def _policies(policies, park, district_id, sector_ids):
    found = [p for p in policies if applies_at(p, park, district_id, sector_ids)]
    named = [policy for policy in found if not is_city_wide(policy)]
    items = _links(named)
    city_wide = len(found) - len(named)
    if city_wide:
        text = ngettext(
            "%(count)s city-wide policy for every sector",
            "%(count)s city-wide policies for every sector",
            city_wide,
        ) % {"count": city_wide}
        items.append(Item(text, reverse("projects:policy_list") + "?status=in_force"))
    return items


def _events(events):
    items = [
        Item(event.name, event.get_absolute_url(), formats.date(event.starts_at))
        for event in events[:EVENTS_SHOWN]
    ]
    if len(events) > EVENTS_SHOWN:
        more = len(events) - EVENTS_SHOWN
        items.append(Item(ngettext("%(count)s more", "%(count)s more", more) % {"count": more}))
    return items


def _desk(choose, park):
    desk = choose(Enquiry(park=park))
    if desk is None:
        return []
    # Named in the page's language, or in the other one (marked) when not translated yet.
    return [Item(desk.name, lang=other_language(desk, "name"))]


def _price_range(sites):
    """The lowest and highest price on each basis the park's sites are offered on."""
    items = []
    for basis in sorted({site.price_basis for site in sites if site.price is not None}):
        priced = sorted((s for s in sites if s.price_basis == basis), key=lambda s: s.price)
        low, high = formatting.site_price(priced[0]), formatting.site_price(priced[-1])
        items.append(
            Item(low if low == high else _("%(low)s to %(high)s") % {"low": low, "high": high})
        )
    return items


@dataclass
class Column:
    """What the shared rows read of one compared park or site."""

    record: object  # the park or site, with its coordinates
    park: object
    district_id: int | None
    sector_ids: list
    minutes: dict  # drive minutes by node id
    events: list


def _shared(sections, columns):
    """Distances, policies, desk and events: the rows parks and sites both have."""
    distances = Section(_("Distances to ports, airport, rail and expressways"))
    for node in siting_selectors.nodes():
        distances.add(
            node.name, [_distance(c.record, node, c.minutes.get(node.pk)) for c in columns]
        )
    policies = selectors.in_force_policies_at(
        [c.park.pk for c in columns if c.park], [c.district_id for c in columns if c.district_id]
    )
    choose = desk_chooser()
    support = Section(_("Policies, contact and events"))
    support.add(
        _("Policies in force that apply"),
        [_policies(policies, c.park, c.district_id, c.sector_ids) for c in columns],
    )
    support.add(_("Desk that answers enquiries"), [_desk(choose, c.park) for c in columns])
    support.add(_("Upcoming events"), [_events(c.events) for c in columns])
    return [*sections, distances, support]


def park_sections(parks):
    ids = [park.pk for park in parks]
    sites, times = selectors.sites_by_park(ids), selectors.park_drive_times(ids)
    events = selectors.upcoming_events_by_park(ids)
    overview = Section(_("Overview"))
    overview.add(_("Kind"), [_items(park.get_kind_display()) for park in parks])
    overview.add(_("District"), [_names([p.district] if p.district else []) for p in parks])
    overview.add(_("Sectors"), [_names(park.sectors.all()) for park in parks])
    overview.add(_("Established"), [_items(_year(park.established_year)) for park in parks])
    overview.add(
        _("Area"),
        [_items(park.area_km2 and formats.area(park.area_km2 * 1_000_000)) for park in parks],
    )
    figures = Section(_("Key figures"))
    figures.add(_("Key figures"), [[_figure(f) for f in park.figures.all()] for park in parks])
    offer = Section(_("Available sites"))
    offer.add(_("Available sites"), [_site_count(park, sites[park.pk]) for park in parks])
    offer.add(_("Price range"), [_price_range(sites[park.pk]) for park in parks])
    columns = [
        Column(
            record=park,
            park=park,
            district_id=park.district_id,
            sector_ids=[sector.pk for sector in park.sectors.all()],
            minutes={node: m for (pk, node), m in times.items() if pk == park.pk},
            events=events[park.pk],
        )
        for park in parks
    ]
    return _shared([overview, figures, offer], columns)


def _year(value):
    return formats.year(value) if value else ""


def _figure(figure):
    source = formats.join([str(x) for x in (_year(figure.year), figure.source_name) if x])
    text = _("%(label)s: %(value)s") % {"label": figure.label, "value": figure.display_value}
    return Item(text, note=source)


def _site_count(park, sites):
    if not sites:
        return []
    text = ngettext("%(count)s site", "%(count)s sites", len(sites)) % {"count": len(sites)}
    return [Item(text, reverse("siting:site_list") + f"?park={park.slug}")]


def site_sections(sites):
    park_ids = [site.park_id for site in sites if site.park_id]
    events = selectors.upcoming_events_by_park(park_ids)
    overview = Section(_("Overview"))
    overview.add(_("Type"), [_items(site.get_kind_display()) for site in sites])
    overview.add(_("Park"), [_links([s.park] if s.park else []) for s in sites])
    overview.add(_("District"), [_names([s.district] if s.district else []) for s in sites])
    overview.add(_("Sectors"), [_names(site.sectors.all()) for site in sites])
    overview.add(_("Area"), [_items(formatting.site_area(site)) for site in sites])
    overview.add(_("Price"), [_items(formatting.site_price(site)) for site in sites])
    overview.add(_("Tenure"), [_items(site.get_tenure_display()) for site in sites])
    overview.add(_("Land use"), [_items(site.get_land_use_display()) for site in sites])
    overview.add(_("Availability"), [_items(*_availability(site)) for site in sites])
    specification = Section(_("Specification"))
    for name, (label, write) in formatting.UTILITY.items():
        values = [getattr(site, name) for site in sites]
        if any(value is not None for value in values):
            specification.add(label, [_items(None if v is None else write(v)) for v in values])
    columns = [
        Column(
            record=site,
            park=site.park,
            district_id=site.district_id,
            sector_ids=[sector.pk for sector in site.sectors.all()],
            minutes={time.node_id: time.minutes for time in site.drive_times.all()},
            events=events[site.park_id] if site.park_id else [],
        )
        for site in sites
    ]
    return _shared([overview, specification], columns)


def _availability(site):
    state = site.get_availability_display()
    if site.available_from:
        return [state, _("from %(date)s") % {"date": formats.date(site.available_from)}]
    return [state]
