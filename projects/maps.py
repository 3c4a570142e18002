"""The one map component's geometry: schematic SVG maps, no tiles, no third-party requests.

`city_map` (parks, sites, logistics nodes on Qingdao and its districts) and
`world_map` (the overseas centres, lines from Qingdao) both give what
`templates/includes/map.html` draws: numbered markers, keyed in the list beside the
map, and the records without a location listed after them. Markers that would
overlap are moved apart, with a line to where they are, so that each keeps a tap
target of at least 24 px on a phone.
"""

from dataclasses import dataclass
from functools import cache
from math import ceil, cos, hypot, radians, sin

from django.utils.functional import SimpleLazyObject

# Lazy: a map built before the language is chosen (a fact sheet) speaks the page's.
from django.utils.translation import gettext_lazy as _

from .map_outlines import CITY_OUTLINE, DISTRICTS, SEA, WORLD_OUTLINES

# The city frame (degrees): west, south, east, north.
CITY_BOUNDS = (119.40, 35.50, 121.05, 37.20)
CITY_WIDTH = 400
# East-west degrees shrink with latitude: drawn to scale at the city's latitude.
CITY_ASPECT = cos(radians(36.3))
# Where the city's centre (May Fourth Square) sits, for the world map.
QINGDAO = (120.38, 36.07)
# The world frame: the inhabited latitudes, 2 map units a degree.
WORLD_NORTH, WORLD_SOUTH = 80, -60
WORLD_WIDTH, WORLD_HEIGHT = 720, 280
# The narrowest the map is drawn (CSS px) and the smallest tap target there.
PHONE_MAP_WIDTH, TAP_TARGET = 340, 24


def city_height():
    west, south, east, north = CITY_BOUNDS
    return round(CITY_WIDTH * (north - south) / ((east - west) * CITY_ASPECT))


def city_xy(longitude, latitude):
    """Position inside the city frame, clamped to its edges."""
    west, south, east, north = CITY_BOUNDS
    x = (float(longitude) - west) / (east - west) * CITY_WIDTH
    y = (north - float(latitude)) / (north - south) * city_height()
    return round(min(max(x, 0), CITY_WIDTH), 1), round(min(max(y, 0), city_height()), 1)


def world_xy(longitude, latitude):
    x = (float(longitude) + 180) / 360 * WORLD_WIDTH
    y = (WORLD_NORTH - float(latitude)) / (WORLD_NORTH - WORLD_SOUTH) * WORLD_HEIGHT
    return round(x, 1), round(min(max(y, 0), WORLD_HEIGHT), 1)


def polygon(corners, project):
    """SVG `points` for a polygon given as (lng, lat) corners."""
    return " ".join(f"{x},{y}" for x, y in (project(*corner) for corner in corners))


def hit_radius(width):
    """The marker's hit radius in map units: TAP_TARGET px across at the phone width."""
    return ceil(TAP_TARGET / 2 * width / PHONE_MAP_WIDTH)


@dataclass(frozen=True)
class Marker:
    """A numbered marker, keyed by its number in the list beside the map."""

    number: int
    record: object
    kind: str  # park, site, centre or node: the marker's shape and colour
    x: float  # where the marker is drawn
    y: float
    at_x: float  # where the place is
    at_y: float

    @property
    def url(self):
        return getattr(self.record, "get_absolute_url", lambda: "")()

    @property
    def moved(self):
        """Drawn away from its place (to keep markers apart): a line joins the two."""
        return hypot(self.x - self.at_x, self.y - self.at_y) > 1


def spread(places, gap, size, fixed=(), rounds=60):
    """Positions near `places` no two closer than `gap`, nor closer to a `fixed` point.

    Pairs too close are pushed apart along the line between them (a point on top of
    another along a turning angle), a few rounds, inside the frame `size`.
    """
    xs, ys = [float(x) for x, _y in places], [float(y) for _x, y in places]
    count, limit = len(xs), gap * gap
    for _round in range(rounds):
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                moved |= _push(xs, ys, i, j, gap, limit)
            for fx, fy in fixed:
                moved |= _push_off(xs, ys, i, fx, fy, gap, limit)
        _clamp(xs, ys, gap / 2, size)
        if not moved:
            break
    return [(round(x, 1), round(y, 1)) for x, y in zip(xs, ys, strict=True)]


def _apart(dx, dy, seed):
    """The distance of two points and the direction from one to the other."""
    distance = hypot(dx, dy)
    if distance < 0.01:  # on top of each other: part along a turning angle
        angle = 2.4 * seed
        return 0.0, cos(angle), sin(angle)
    return distance, dx / distance, dy / distance


def _push(xs, ys, i, j, gap, limit):
    dx, dy = xs[j] - xs[i], ys[j] - ys[i]
    if dx * dx + dy * dy >= limit:
        return False
    distance, ux, uy = _apart(dx, dy, i + j + 1)
    half = (gap - distance) / 2 + 0.01
    xs[i], ys[i] = xs[i] - ux * half, ys[i] - uy * half
    xs[j], ys[j] = xs[j] + ux * half, ys[j] + uy * half
    return True


def _push_off(xs, ys, i, fx, fy, gap, limit):
    dx, dy = xs[i] - fx, ys[i] - fy
    if dx * dx + dy * dy >= limit:
        return False
    distance, ux, uy = _apart(dx, dy, i + 1)
    xs[i], ys[i] = xs[i] + ux * (gap - distance + 0.01), ys[i] + uy * (gap - distance + 0.01)
    return True


def _clamp(xs, ys, margin, size):
    width, height = size
    for i in range(len(xs)):
        xs[i] = min(max(xs[i], margin), width - margin)
        ys[i] = min(max(ys[i], margin), height - margin)


def markers(groups, project, size, fixed=()):
    """Markers for each (kind, records) group, numbered 1, 2, … across the groups."""
    placed = [
        (kind, record, project(record.longitude, record.latitude))
        for kind, records in groups
        for record in records
        if record.has_location
    ]
    gap = hit_radius(size[0]) * 2
    spots = spread([at for _kind, _record, at in placed], gap, size, fixed)
    return [
        Marker(number, record, kind, x, y, *at)
        for number, ((kind, record, at), (x, y)) in enumerate(zip(placed, spots, strict=True), 1)
    ]


def _component(variant, groups, project, size, title, fixed=(), **drawing):
    """What map.html draws. The markers are placed only when its cached fragment misses:
    they follow from the records, which the fragment's key holds."""
    from web.fragments import stamps

    records = [record for _kind, group in groups for record in group]
    return {
        "key": stamps([variant, str(title), *records]),
        "variant": variant,
        "markers": SimpleLazyObject(lambda: markers(groups, project, size, fixed)),
        "unplaced": [record for record in groups[0][1] if not record.has_location],
        "width": size[0],
        "height": size[1],
        "hit": hit_radius(size[0]),
        "title": title,
        **drawing,
    }


@cache
def city_drawing():
    """The city's outline, sea and districts: the same on every city map."""
    return {
        "outline": polygon(CITY_OUTLINE, city_xy),
        "sea": polygon(SEA, city_xy),
        "districts": [
            {
                "name": district.name,
                "points": polygon(district.corners, city_xy),
                "label": city_xy(*district.label_at),
                "anchor": district.anchor,
            }
            for district in DISTRICTS
        ],
    }


@cache
def world_drawing():
    home = world_xy(*QINGDAO)
    return {
        "home": {"x": home[0], "y": home[1]},
        "outlines": [polygon(corners, world_xy) for corners in WORLD_OUTLINES],
    }


def city_map(records, kind="park", nodes=(), title=""):
    """The city map: `records` of one kind, then the logistics nodes, on the districts."""
    return _component(
        "city",
        [(kind, list(records)), ("node", list(nodes))],
        city_xy,
        (CITY_WIDTH, city_height()),
        title or _("Schematic map of Qingdao and its districts showing the places listed"),
        **city_drawing(),
    )


def world_map(records, title=""):
    """The world map: the centres, each joined to Qingdao by a line."""
    return _component(
        "world",
        [("centre", list(records))],
        world_xy,
        (WORLD_WIDTH, WORLD_HEIGHT),
        title or _("Schematic world map of Qingdao's overseas business centres"),
        fixed=[world_xy(*QINGDAO)],
        **world_drawing(),
    )
