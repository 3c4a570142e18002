"""Unit tests of what the public pages are built from: filter forms, maps, template tags."""

import pytest
from django.template import Context, Template
from django.utils import translation

from projects.forms import EventFilterForm, ParkFilterForm, SearchForm
from projects.maps import CITY_WIDTH, city_height, city_map, city_xy, world_xy
from projects.models import Park

from .factories import make_district, make_park, make_sector

pytestmark = pytest.mark.django_db


class TestFilterForms:
    def test_valid_values_are_kept_and_invalid_ones_dropped(self):
        sector, district = make_sector(slug="marine"), make_district(slug="laoshan")
        form = ParkFilterForm(
            {"sector": "marine", "district": "atlantis", "kind": "innovation_park"},
            [sector],
            [district],
        )
        assert form.filters() == {"sector": "marine", "kind": "innovation_park"}
        assert form.is_filtered()

    def test_empty_values_are_no_filter(self):
        form = ParkFilterForm({"sector": "", "kind": ""}, [], [])
        assert form.filters() == {}
        assert not form.is_filtered()

    def test_past_events_alone_are_not_a_filter(self):
        form = EventFilterForm({"when": "past", "country": "KR"}, [], ["DE"])
        assert form.filters() == {"when": "past"}
        assert not form.is_filtered()

    def test_country_choices_are_named_in_the_language(self):
        with translation.override("zh-hans"):
            form = EventFilterForm({}, [], ["DE", "KR"])
            labels = [str(label) for _code, label in form.fields["country"].choices]
        assert "德国" in labels and "韩国" in labels

    def test_search_query_is_limited_in_length(self):
        assert SearchForm({"q": "青岛" * 50}).is_valid()
        assert not SearchForm({"q": "x" * 101}).is_valid()


class TestMaps:
    def test_city_positions_stay_inside_the_frame(self):
        assert city_xy(0, 0) == (0, city_height())
        assert city_xy(180, 90) == (CITY_WIDTH, 0)

    def test_world_corners(self):
        assert world_xy(-180, 90) == (0, 0)  # the Arctic is cut off at 80°
        assert world_xy(180, -90) == (720, 280)

    def test_only_records_with_a_location_are_plotted(self):
        located = make_park(latitude=36.07, longitude=120.38)
        make_park()
        markers = city_map(Park.objects.all())["markers"]
        assert [marker.record for marker in markers] == [located]


class TestTemplateTags:
    def render(self, text, **context):
        return Template("{% load public %}" + text).render(Context(context))

    def test_html_lang_spells_the_script_subtag(self):
        assert self.render("{{ code|html_lang }}", code="zh-hans") == "zh-Hans"
        assert self.render("{{ code|html_lang }}", code="en") == "en"

    def test_fallback_text_is_marked_with_its_language(self):
        park = make_park(summary={"zh-hans": ""}, status=Park.Status.DRAFT)
        with translation.override("zh-hans"):
            assert self.render('{% lang_attr park "summary" %}', park=park) == ' lang="en"'
            assert self.render('{% lang_attr park "name" %}', park=park) == ""
            assert self.render("{% untranslated park as missing %}{{ missing }}", park=park) == (
                "True"
            )
        with translation.override("en"):
            assert self.render('{% lang_attr park "summary" %}', park=park) == ""

    def test_json_ld_cannot_close_its_script(self):
        html = self.render("{% json_ld data %}", data={"name": "</script><script>alert(1)"})
        assert html.count("</script>") == 1
        assert "\\u003C/script\\u003E" in html
