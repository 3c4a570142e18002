"""Detail pages list a few related records and link to the filtered list for the rest."""

import pytest

from projects.selectors import RELATED_SHOWN
from siting.templatetags.siting import SITES_SHOWN

from .factories import make_centre, make_event, make_park, make_policy
from .pages import LANGUAGES, get_page
from .siting_helpers import make_site

pytestmark = pytest.mark.django_db


def park_with(count):
    park = make_park(slug="eco-park")
    for _ in range(count):
        make_policy().parks.add(park)
        make_event(park=park)
        make_site(park=park)
    return park


@pytest.mark.parametrize("language", LANGUAGES)
def test_park_page_shows_a_few_of_each_and_links_to_the_rest(client, language):
    park_with(RELATED_SHOWN + 4)
    html = get_page(client, f"/{language}/parks/eco-park/", language).content.decode()
    assert html.count('class="card policy-card"') == RELATED_SHOWN
    assert html.count('class="card event-card"') == RELATED_SHOWN
    assert html.count('class="card site-card"') == SITES_SHOWN
    assert f'href="/{language}/policies/?park=eco-park"' in html
    assert f'href="/{language}/sites/?park=eco-park"' in html
    assert f'href="/{language}/events/"' in html


def test_park_page_size_does_not_grow_with_its_records(client):
    park_with(RELATED_SHOWN)
    small = len(client.get("/en/parks/eco-park/").content)
    park = make_park(slug="other")
    for _ in range(30):
        make_policy().parks.add(park)
        make_event(park=park)
        make_site(park=park)
    large = len(client.get("/en/parks/other/").content)
    # Other names and slugs only; thirty more of each would be tens of KB.
    assert abs(large - small) < 1000


def test_centre_page_shows_a_few_upcoming_events(client):
    centre = make_centre(slug="frankfurt")
    for _ in range(RELATED_SHOWN + 3):
        make_event(centre=centre)
    html = get_page(client, "/zh-hans/centres/frankfurt/", "zh-hans").content.decode()
    assert html.count('class="card event-card"') == RELATED_SHOWN
    assert "全部近期活动" in html
