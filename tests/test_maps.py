"""The one map component on the demo data: every park with coordinates has a marker,
the keyed list matches the markers, the drawing is marked 示意图 and names the districts."""

import io
import re
from itertools import combinations
from math import hypot

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from projects.maps import (
    CITY_WIDTH,
    PHONE_MAP_WIDTH,
    TAP_TARGET,
    WORLD_WIDTH,
    city_height,
    city_map,
    hit_radius,
    spread,
    world_map,
)
from projects.models import OverseasCentre, Park

from .pages import get_page

pytestmark = pytest.mark.django_db

MARKER = re.compile(r'<a class="map-marker-link" href="([^"]+)" aria-label="(\d+)\. ([^"]+)">')
KEY = re.compile(
    r'<li class="map-key-\w+"><span class="map-key-number" aria-hidden="true">(\d+)</span> '
    r'<a href="([^"]+)">([^<]+)</a>'
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def the_map(html):
    return html.split('<figure class="map ')[1].split("</figure>")[0]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_published_park_with_coordinates_has_a_marker(demo, client, language):
    html = the_map(get_page(client, f"/{language}/parks/", language).content.decode())
    with translation.override(language):
        parks = list(Park.objects.published())
        located = {p.get_absolute_url() for p in parks if p.has_location}
        assert {href for href, _n, _name in MARKER.findall(html)} == located
        assert len(located) == 10  # of the 12 demo parks, two have no single location
        # The other two are in the key, as not on the map.
        for park in parks:
            if not park.has_location:
                assert f'<a href="{park.get_absolute_url()}">{park.name}</a>' in html


@pytest.mark.parametrize("url", ["/zh-hans/parks/", "/en/sites/", "/zh-hans/centres/"])
def test_the_keyed_list_matches_the_markers(demo, client, url):
    html = the_map(client.get(url).content.decode())
    markers = [(number, href.split("?")[0], name) for href, number, name in MARKER.findall(html)]
    keys = [(number, href.split("?")[0], name) for number, href, name in KEY.findall(html)]
    assert markers and keys[: len(markers)] == markers
    assert [int(number) for number, _h, _n in markers] == list(range(1, len(markers) + 1))


def test_the_world_map_has_every_centre(demo, client):
    html = the_map(client.get("/en/centres/").content.decode())
    with translation.override("en"):
        located = {c.get_absolute_url() for c in OverseasCentre.objects.all() if c.has_location}
    assert {href for href, _n, _name in MARKER.findall(html)} == located
    assert 'class="map-route"' in html and ">Qingdao</text>" in html


@pytest.mark.parametrize(
    ("language", "stamp", "district"),
    [("en", "Schematic map", "Shinan"), ("zh-hans", "示意图", "市南区")],
)
def test_the_map_is_marked_schematic_and_names_the_districts(
    demo, client, language, stamp, district
):
    for url in (f"/{language}/parks/", f"/{language}/centres/"):
        html = the_map(client.get(url).content.decode())
        assert '<text class="map-stamp" x="8"' in html and f">{stamp}</text>" in html
    html = the_map(client.get(f"/{language}/parks/").content.decode())
    assert f">{district}</text>" in html
    assert html.count('class="map-district"') == 10


def test_demo_markers_are_apart_and_inside_the_frame(demo):
    for found, width, height in (
        (city_map(Park.objects.published()), CITY_WIDTH, city_height()),
        (world_map(OverseasCentre.objects.all()), WORLD_WIDTH, 280),
    ):
        spots = [(m.x, m.y) for m in found["markers"]]
        assert all(0 < x < width and 0 < y < height for x, y in spots)
        gap = min(hypot(a[0] - b[0], a[1] - b[1]) for a, b in combinations(spots, 2))
        assert gap >= 2 * found["hit"] - 0.5


class TestSpread:
    def test_places_on_top_of_each_other_are_moved_apart(self):
        spots = spread([(100, 100)] * 5, 30, (400, 400))
        assert min(hypot(a[0] - b[0], a[1] - b[1]) for a, b in combinations(spots, 2)) >= 29.9

    def test_places_far_apart_stay_where_they_are(self):
        assert spread([(50, 50), (300, 300)], 30, (400, 400)) == [(50, 50), (300, 300)]

    def test_a_fixed_point_is_kept_clear(self):
        [(x, y)] = spread([(100, 100)], 30, (400, 400), fixed=[(105, 100)])
        assert hypot(x - 105, y - 100) >= 29.9

    def test_markers_stay_in_the_frame(self):
        spots = spread([(0, 0), (1, 1)], 30, (400, 400))
        assert all(15 <= v <= 385 for spot in spots for v in spot)

    def test_the_hit_area_is_a_tap_target_on_a_phone(self):
        for width in (CITY_WIDTH, WORLD_WIDTH):
            assert 2 * hit_radius(width) * PHONE_MAP_WIDTH / width >= TAP_TARGET
