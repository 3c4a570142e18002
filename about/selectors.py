"""What the HTML site map lists: every page type, and each content type's published records."""

from django.urls import reverse

from projects.content_types import public_types


def site_map_sections():
    """One section per content type: its list page and its records.

    One query per content type, whatever the number of records."""
    return [
        {
            "label": declared.label,
            "url": reverse(declared.list_url_name),
            "records": list(declared.published()),
        }
        for declared in public_types()
    ]
