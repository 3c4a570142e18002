"""Plot places on hand-drawn SVG maps: no tiles, no third-party requests."""

from dataclasses import dataclass

# Qingdao and its county-level cities, with a margin (degrees).
CITY_BOUNDS = (119.3, 35.3, 121.2, 37.2)  # west, south, east, north
CITY_WIDTH = 600
# A simplified outline of the municipality's land, Jiaozhou Bay cut out (lng, lat).
CITY_OUTLINE = (
    (119.55, 36.95), (119.95, 37.15), (120.45, 37.05), (120.75, 36.85), (120.95, 36.55),
    (120.75, 36.35), (120.68, 36.25), (120.68, 36.12), (120.45, 36.05), (120.30, 36.05),
    (120.33, 36.15), (120.28, 36.25), (120.20, 36.28), (120.10, 36.22), (120.13, 36.12),
    (120.22, 36.06), (120.25, 36.02), (120.24, 35.97), (120.20, 35.90), (120.12, 35.84),
    (119.95, 35.72), (119.80, 35.62), (119.65, 35.55), (119.45, 35.75), (119.55, 36.20),
    (119.45, 36.55),
)  # fmt: skip
# Very rough continent outlines (lng, lat): enough to tell where a centre is.
WORLD_OUTLINES = (
    (  # North America
        (-168, 66), (-140, 70), (-95, 72), (-80, 63), (-60, 55), (-55, 47), (-70, 42),
        (-76, 35), (-81, 25), (-97, 20), (-90, 15), (-83, 9), (-78, 8), (-88, 14), (-105, 20),
        (-117, 32), (-124, 40), (-125, 49), (-135, 58), (-150, 60), (-165, 60),
    ),
    ((-55, 60), (-45, 60), (-20, 70), (-20, 80), (-60, 82), (-70, 77), (-55, 68)),  # Greenland
    (  # South America
        (-78, 8), (-60, 10), (-50, 0), (-35, -7), (-40, -22), (-48, -28), (-58, -38),
        (-65, -55), (-72, -50), (-72, -30), (-70, -18), (-81, -5), (-80, 1),
    ),
    (  # Europe and Asia
        (-10, 36), (-9, 43), (-2, 44), (-5, 48), (2, 51), (8, 54), (5, 58), (10, 63), (20, 70),
        (30, 70), (45, 68), (60, 70), (80, 73), (100, 77), (120, 73), (140, 72), (160, 70),
        (180, 68), (180, 65), (165, 60), (160, 55), (140, 52), (140, 45), (130, 42), (129, 36),
        (126, 34), (126, 38), (124, 40), (121, 39), (117.5, 38.5), (119, 37.3), (122.5, 37.3),
        (120.5, 36), (119.3, 35), (121, 31), (119, 25), (110, 20), (108, 16), (105, 9),
        (100, 13), (98, 8), (103, 1), (98, 16), (92, 21), (88, 22), (80, 15), (77, 8), (72, 20),
        (67, 25), (57, 25), (52, 27), (48, 30), (56, 26), (59, 22), (52, 16), (43, 12), (35, 28),
        (34, 31), (36, 36), (28, 37), (26, 40), (23, 37), (21, 40), (19, 42), (13, 45), (18, 40),
        (15, 38), (12, 44), (8, 44), (3, 43), (0, 38), (-6, 36),
    ),
    (  # Africa
        (-17, 21), (-10, 30), (-6, 36), (10, 37), (20, 31), (32, 31), (35, 28), (43, 12),
        (51, 12), (40, -3), (40, -15), (35, -25), (20, -35), (15, -28), (12, -12), (9, -1),
        (8, 4), (-8, 4), (-17, 14),
    ),
    (  # Australia
        (114, -22), (129, -15), (136, -12), (142, -11), (146, -19), (153, -25), (150, -37),
        (141, -38), (132, -32), (115, -34),
    ),
    (  # Japan
        (130, 31), (135, 34), (140, 35), (142, 40), (141, 45), (145, 44), (140, 41), (137, 37),
        (133, 35), (130, 33),
    ),
    ((-5, 50), (1, 51), (0, 53), (-3, 56), (-5, 58), (-6, 55), (-3, 53), (-5, 52)),  # Britain
)  # fmt: skip
# Where the city's centre (May Fourth Square) sits, for the world map.
QINGDAO = (120.38, 36.07)
WORLD_WIDTH, WORLD_HEIGHT = 720, 360


@dataclass(frozen=True)
class Point:
    record: object
    x: float
    y: float


def city_height():
    west, south, east, north = CITY_BOUNDS
    return round(CITY_WIDTH * (north - south) / (east - west))


def city_xy(longitude, latitude):
    """Equirectangular position inside the city frame, clamped to its edges."""
    west, south, east, north = CITY_BOUNDS
    x = (float(longitude) - west) / (east - west) * CITY_WIDTH
    y = (north - float(latitude)) / (north - south) * city_height()
    return round(min(max(x, 0), CITY_WIDTH), 1), round(min(max(y, 0), city_height()), 1)


def world_xy(longitude, latitude):
    x = (float(longitude) + 180) / 360 * WORLD_WIDTH
    y = (90 - float(latitude)) / 180 * WORLD_HEIGHT
    return round(x, 1), round(y, 1)


def plot(records, project):
    """Points for the records that have a location."""
    return [
        Point(record, *project(record.longitude, record.latitude))
        for record in records
        if record.has_location
    ]


def polygon(corners, project):
    """SVG `points` for a polygon given as (lng, lat) corners."""
    return " ".join(f"{x},{y}" for x, y in (project(*corner) for corner in corners))


@dataclass(frozen=True)
class Marker:
    """A numbered marker of the map component, keyed by its number in the list below it."""

    number: int
    record: object
    kind: str  # park, site, centre or node: the marker's shape and colour
    x: float
    y: float

    @property
    def url(self):
        return getattr(self.record, "get_absolute_url", lambda: "")()


def markers(groups, project):
    """Markers for each (kind, records) group, numbered 1, 2, … across the groups."""
    found = []
    for kind, records in groups:
        for point in plot(records, project):
            found.append(Marker(len(found) + 1, point.record, kind, point.x, point.y))
    return found


def city_map(records, kind="park", nodes=(), title=""):
    """The city map component: `records` of one kind, then the logistics nodes."""
    placed = markers([(kind, records), ("node", nodes)], city_xy)
    return {
        "points": plot(records, city_xy),
        "markers": placed,
        "outline": polygon(CITY_OUTLINE, city_xy),
        "width": CITY_WIDTH,
        "height": city_height(),
        "title": title,
    }


def world_map(records):
    home_x, home_y = world_xy(*QINGDAO)
    return {
        "points": plot(records, world_xy),
        "width": WORLD_WIDTH,
        "height": WORLD_HEIGHT,
        "home": {"x": home_x, "y": home_y},
        "outlines": [polygon(corners, world_xy) for corners in WORLD_OUTLINES],
        "meridians": [round(x * WORLD_WIDTH / 12, 1) for x in range(1, 12)],
        "parallels": [round(y * WORLD_HEIGHT / 6, 1) for y in range(1, 6)],
    }
