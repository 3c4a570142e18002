from urllib.parse import urlencode

from django import template
from django.urls import reverse

from enquiries.prefill import topics
from web import fragments

register = template.Library()
# The content type whose records a field's options list, as its fragment's record: an
# edit to a park renders the park box again. Other fields end with every page.
OPTIONS_OF = {"park": "park", "centre": "centre"}


@register.inclusion_tag("enquiries/includes/call_to_action.html")
def enquiry_call_to_action(topic="", slug=""):
    """A link to the enquiry form, pre-filled with the page's record (park, policy, …)."""
    url = reverse("enquiries:form")
    if topic in topics() and slug:
        url = f"{url}?{urlencode({topic: slug})}"
    return {"url": url}


@register.simple_tag
def enquiry_field(field):
    """A field of the enquiry form with its label, help and options. While it shows
    nothing of the visitor's (no typed value, error or pre-filled choice) it is the same
    for everyone: kept once per language. The CSRF and submission tokens are not in it."""
    if not field.form.shows_nothing_of_the_visitor(field.name):
        return field.as_field_group()
    record = OPTIONS_OF.get(field.name)
    return fragments.cached("enquiry-field", record, field.as_field_group, field.name)
