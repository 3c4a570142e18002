from urllib.parse import urlencode

from django import template
from django.urls import reverse

from enquiries.prefill import topics

register = template.Library()


@register.inclusion_tag("enquiries/includes/call_to_action.html")
def enquiry_call_to_action(topic="", slug=""):
    """A link to the enquiry form, pre-filled with the page's record (park, policy, …)."""
    url = reverse("enquiries:form")
    if topic in topics() and slug:
        url = f"{url}?{urlencode({topic: slug})}"
    return {"url": url}
