"""The portal's public content, one module per concept."""

from .centre import OverseasCentre
from .event import Event
from .image import Image
from .park import Park, ParkFigure
from .policy import Policy
from .publishable import Publishable, PublishableQuerySet
from .taxonomy import CityFigure, District, Sector

__all__ = [
    "CityFigure",
    "District",
    "Event",
    "Image",
    "OverseasCentre",
    "Park",
    "ParkFigure",
    "Policy",
    "Publishable",
    "PublishableQuerySet",
    "Sector",
]
