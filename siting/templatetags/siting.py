"""Siting figures in templates, through siting.formatting (itself on localisation.formats).

{% load siting %}
{{ site|site_area }}  {{ site|site_price }}  {{ indicator|indicator_value }}  {{ km|km }}
{% usd amount rate %}  {{ indicator|stale }}
"""

from django import template

from .. import formatting
from ..models import is_stale

# How many of its sites a park page lists; the rest are one link away.
SITES_SHOWN = 6

register = template.Library()


@register.filter
def site_area(site):
    return formatting.site_area(site)


@register.filter
def site_price(site):
    return formatting.site_price(site)


@register.simple_tag
def compared_price(site, basis):
    return formatting.compared_price(site, basis) if basis else ""


@register.filter
def indicator_value(indicator):
    return formatting.indicator_value(indicator)


@register.filter
def km(value):
    return "" if value is None else formatting.km(value)


@register.filter
def cny(amount):
    return "" if amount is None else formatting.cny(amount)


@register.simple_tag
def usd(amount, rate):
    return formatting.usd(amount, rate)


@register.filter
def stale(indicator):
    return is_stale(indicator.as_of)


@register.simple_tag
def specification(site):
    return formatting.specification(site)


@register.inclusion_tag("siting/park_sites.html", takes_context=True)
def park_sites(context, park):
    """A park page's available sites and distances to the nodes (three queries)."""
    from .. import selectors
    from ..distances import distances_to

    minutes = selectors.drive_times_for_park(park)
    return {
        "park": park,
        # A few, with a link to the site list filtered for the park.
        "sites": selectors.sites_for_park(park, limit=SITES_SHOWN),
        "distances": [
            (node, km, minutes.get(node.pk)) for node, km in distances_to(park, selectors.nodes())
        ],
        "request": context.get("request"),
    }
