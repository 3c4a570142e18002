"""The portal's public content, one module per concept."""

from .centre import OverseasCentre
from .event import Event
from .park import Park, ParkFigure
from .policy import Policy
from .publishable import Publishable, PublishableQuerySet
from .taxonomy import CityFigure, District, Sector

__all__ = [
    "CityFigure",
    "District",
    "Event",
    "OverseasCentre",
    "Park",
    "ParkFigure",
    "Policy",
    "Publishable",
    "PublishableQuerySet",
    "Sector",
]
