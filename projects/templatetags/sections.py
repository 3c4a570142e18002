"""The "heading + cards" section of the public pages, in one place.

{% load sections %}
{% translate "Parks that host it" as title %}
{% card_section "parks" title parks "includes/park_card.html" "park" %}

Each record is given to the card template under the name the card expects ("park",
"story"...), with the cards' headings one level below the section's; nothing is
written for an empty list. `more_url` and `more_label` add a link below the cards.
"""

from django import template
from django.template.loader import get_template

register = template.Library()


@register.simple_tag(takes_context=True)
def card_section(context, section_id, title, records, card, name, more_url="", more_label=""):
    if not records:
        return ""
    card_template = context.template.engine.get_template(card)
    cards = []
    for record in records:
        with context.push({name: record, "level": 3}):
            cards.append(card_template.render(context))
    return get_template("includes/card_section.html").render(
        {
            "section_id": section_id,
            "title": title,
            "cards": cards,
            "more_url": more_url,
            "more_label": more_label,
        }
    )
