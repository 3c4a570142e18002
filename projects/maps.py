"""Plot places on hand-drawn SVG maps: no tiles, no third-party requests."""

from dataclasses import dataclass

# Qingdao and its county-level cities, with a margin (degrees).
CITY_BOUNDS = (119.3, 35.3, 121.2, 37.2)  # west, south, east, north
CITY_WIDTH = 600
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


def city_map(records):
    return {
        "points": plot(records, city_xy),
        "width": CITY_WIDTH,
        "height": city_height(),
    }


def world_map(records):
    home_x, home_y = world_xy(*QINGDAO)
    return {
        "points": plot(records, world_xy),
        "width": WORLD_WIDTH,
        "height": WORLD_HEIGHT,
        "home": {"x": home_x, "y": home_y},
        "meridians": [round(x * WORLD_WIDTH / 12, 1) for x in range(1, 12)],
        "parallels": [round(y * WORLD_HEIGHT / 6, 1) for y in range(1, 6)],
    }
