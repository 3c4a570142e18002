"""schema.org descriptions of places and events, for search engines (JSON-LD)."""

from django.urls import reverse
from django.utils.translation import gettext


def _geo(place):
    if not place.has_location:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
    }


def _address(locality, country, street=""):
    return _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": locality,
            "addressCountry": country.code,
        }
    )


def _drop_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _describe(schema_type, record, request, **fields):
    """What every record says of itself (name, summary, page, photos), plus `fields`."""
    images = [request.build_absolute_uri(image.file.url) for image in record.images.all()]
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": record.name,
            "description": record.summary,
            "url": request.build_absolute_uri(record.get_absolute_url()),
            "image": images,
            **fields,
        }
    )


def park(park, request):
    return _describe(
        "Place",
        park,
        request,
        address=park.address,
        geo=_geo(park),
        telephone=park.contact_phone,
    )


def centre(centre, request):
    return _describe(
        "GovernmentOffice",
        centre,
        request,
        address=_address(centre.city, centre.country, centre.address),
        geo=_geo(centre),
        email=centre.email,
        telephone=centre.phone,
    )


def event(event, request):
    venue = event.venue_timezone
    location = {
        "@type": "Place",
        "name": event.venue or event.city,
        "address": _address(event.city, event.country),
    }
    organiser = {"@type": "Organization", "name": event.organiser} if event.organiser else None
    return _describe(
        "Event",
        event,
        request,
        startDate=event.starts_at.astimezone(venue).isoformat(),
        endDate=event.ends_at.astimezone(venue).isoformat(),
        eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
        eventStatus="https://schema.org/EventScheduled",
        location=location,
        organizer=organiser,
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
