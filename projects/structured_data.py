"""schema.org descriptions of places and events, for search engines (JSON-LD)."""

from django.urls import reverse
from django.utils.translation import gettext

from projects.models import Event


def _images(record, request):
    return [request.build_absolute_uri(image.file.url) for image in record.images.all()]


def _geo(place):
    if not place.has_location:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
    }


def _drop_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def park(park, request):
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "Place",
            "name": park.name,
            "description": park.summary,
            "url": request.build_absolute_uri(park.get_absolute_url()),
            "address": park.address,
            "geo": _geo(park),
            "image": _images(park, request),
            "telephone": park.contact_phone,
        }
    )


def centre(centre, request):
    address = _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": centre.address,
            "addressLocality": centre.city,
            "addressCountry": centre.country.code,
        }
    )
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "name": centre.name,
            "description": centre.summary,
            "url": request.build_absolute_uri(centre.get_absolute_url()),
            "address": address,
            "geo": _geo(centre),
            "email": centre.email,
            "telephone": centre.phone,
            "image": _images(centre, request),
        }
    )


def event(event: Event, request):
    venue = event.venue_timezone
    location = _drop_empty(
        {
            "@type": "Place",
            "name": event.venue or event.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressCountry": event.country.code,
            },
        }
    )
    organiser = {"@type": "Organization", "name": event.organiser} if event.organiser else None
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.name,
            "description": event.summary,
            "url": request.build_absolute_uri(event.get_absolute_url()),
            "startDate": event.starts_at.astimezone(venue).isoformat(),
            "endDate": event.ends_at.astimezone(venue).isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": location,
            "organizer": organiser,
            "image": _images(event, request),
        }
    )


def organisation(request):
    """The bureau behind the portal, for the home page."""
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": gettext("Invest Qingdao"),
        "url": request.build_absolute_uri(reverse("projects:home")),
        "areaServed": {"@type": "City", "name": gettext("Qingdao")},
    }
