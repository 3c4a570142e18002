from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()

TOPICS = {"park", "policy", "event", "centre", "sector"}


@register.inclusion_tag("enquiries/includes/call_to_action.html")
def enquiry_call_to_action(topic="", slug=""):
    """A link to the enquiry form, pre-filled with the page's park, policy, event or centre."""
    url = reverse("enquiries:form")
    if topic in TOPICS and slug:
        url = f"{url}?{urlencode({topic: slug})}"
    return {"url": url}
