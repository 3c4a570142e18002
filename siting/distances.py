"""Great-circle distances: computed from coordinates, never typed by an editor."""

import math

from django.db.models import F, FloatField
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def great_circle_km(lat1, lng1, lat2, lng2):
    """Haversine distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    half_dphi = (phi2 - phi1) / 2
    half_dlmb = math.radians(float(lng2) - float(lng1)) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlmb) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_expression(latitude, longitude):
    """The same haversine as a database expression over a row's latitude and longitude."""
    lat = Radians(Cast(F("latitude"), FloatField()))
    lng = Radians(Cast(F("longitude"), FloatField()))
    phi, lmb = math.radians(float(latitude)), math.radians(float(longitude))
    h = Power(Sin((lat - phi) / 2), 2) + math.cos(phi) * Cos(lat) * Power(Sin((lng - lmb) / 2), 2)
    return 2 * EARTH_RADIUS_KM * ASin(Sqrt(h), output_field=FloatField())


def distances_to(place, nodes):
    """(node, km) for each node, nearest first; [] when the place has no location."""
    if not place.has_location:
        return []
    found = [
        (node, great_circle_km(place.latitude, place.longitude, node.latitude, node.longitude))
        for node in nodes
        if node.has_location
    ]
    return sorted(found, key=lambda pair: pair[1])
