"""The one "heading + cards" section of the public pages (projects.templatetags.sections)."""

import pytest
from django.template import Context, Template

from .factories import make_park

pytestmark = pytest.mark.django_db

SECTION = Template(
    '{% load sections %}{% card_section "parks" "Parks that host it" parks '
    '"includes/park_card.html" "park" more_url=more more_label="All parks" %}'
)


def render(**context):
    return SECTION.render(Context(context))


def test_an_empty_list_writes_nothing():
    assert render(parks=[]).strip() == ""
    assert render(parks=None).strip() == ""


def test_each_record_is_a_card_below_the_heading():
    parks = [make_park(name_en="Eco-Park"), make_park(name_en="Film park")]
    html = render(parks=parks)
    assert '<section aria-labelledby="parks-title">' in html
    assert '<h2 id="parks-title">Parks that host it</h2>' in html
    # The cards' headings are one level below the section's.
    assert html.count('<h3 class="card-title">') == 2
    assert html.index("Eco-Park") < html.index("Film park")
    assert "All parks" not in html


def test_a_more_link_follows_the_cards():
    html = render(parks=[make_park()], more="/en/parks/?sector=x")
    assert '<a class="more" href="/en/parks/?sector=x">All parks</a>' in html


def test_the_record_does_not_leak_into_the_rest_of_the_page():
    template = Template(
        '{% load sections %}{% card_section "parks" "T" parks "includes/park_card.html" "park" %}'
        "[{{ park }}]"
    )
    assert template.render(Context({"parks": [make_park(name_en="Eco-Park")]})).endswith("[]")


def test_text_is_escaped():
    html = render(parks=[make_park(name_en="<b>bold</b>")])
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
