"""Sites, nodes and indicators: distances, age, formatting, the estimate, chart geometry."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from siting import formatting
from siting.distances import distance_expression, distances_to, great_circle_km
from siting.estimate import estimate
from siting.forms import EstimateForm, SiteFilterForm
from siting.models import AvailableSite, DriveTime, Indicator, is_stale, year_is_stale

from .factories import make_district, make_park
from .siting_helpers import (
    AIRPORT,
    QIANWAN,
    make_cost_indicators,
    make_indicator,
    make_node,
    make_site,
)

pytestmark = pytest.mark.django_db


class TestDistances:
    def test_a_degree_of_latitude_is_about_111_km(self):
        assert great_circle_km(36, 120, 37, 120) == pytest.approx(111.2, abs=0.1)

    def test_the_port_is_about_40_km_from_the_airport(self):
        assert great_circle_km(*QIANWAN, *AIRPORT) == pytest.approx(40.3, abs=1)

    def test_the_database_computes_the_same_distance(self):
        site = make_site(latitude="36.3", longitude="120.4")
        found = AvailableSite.objects.annotate(km=distance_expression(*QIANWAN)).get(pk=site.pk)
        assert found.km == pytest.approx(great_circle_km(36.3, 120.4, *QIANWAN), rel=1e-6)

    def test_every_node_without_a_query_per_node(self, django_assert_num_queries):
        site = make_site()
        nodes = [make_node(at=(f"36.{n}", "120.3")) for n in range(10)]
        with django_assert_num_queries(0):
            found = distances_to(site, nodes)
        assert len(found) == 10
        assert [km for _node, km in found] == sorted(km for _node, km in found)

    def test_a_place_without_coordinates_has_no_distances(self):
        assert distances_to(make_site(latitude=None, longitude=None), [make_node()]) == []


class TestAge:
    @pytest.mark.parametrize(
        ("as_of", "stale"),
        [
            (datetime.date(2025, 6, 1), False),  # exactly 18 months
            (datetime.date(2025, 5, 31), True),
            (datetime.date(2026, 11, 1), False),
        ],
    )
    def test_figures_past_the_maximum_age_are_stale(self, as_of, stale):
        assert is_stale(as_of, today=datetime.date(2026, 12, 1)) is stale

    def test_the_setting_decides(self, settings):
        settings.FIGURE_MAX_AGE_MONTHS = 6
        assert is_stale(datetime.date(2026, 5, 1), today=datetime.date(2026, 12, 1))

    def test_a_year_counts_from_its_last_day(self):
        assert not year_is_stale(2025, today=datetime.date(2027, 6, 30))
        assert year_is_stale(2025, today=datetime.date(2027, 7, 1))


class TestSite:
    def test_the_district_comes_from_the_park(self):
        district = make_district()
        site = make_site(park=make_park(district=district))
        assert site.district == district

    def test_price_needs_its_basis(self):
        site = make_site(price="20")
        with pytest.raises(ValidationError):
            site.full_clean()
        site.price_basis = AvailableSite.PriceBasis.RENT_M2_MONTH
        site.full_clean()

    def test_negative_area_is_refused(self):
        with pytest.raises(ValidationError):
            make_site(area_m2="-1").full_clean()

    def test_a_drive_time_is_from_a_site_or_a_park(self):
        node = make_node()
        with pytest.raises(IntegrityError):
            DriveTime.objects.create(node=node, minutes=10)

    def test_a_node_needs_coordinates(self):
        node = make_node()
        node.latitude = None
        with pytest.raises(ValidationError):
            node.full_clean()


class TestFormatting:
    def test_land_in_mu_with_square_metres_in_chinese(self):
        site = make_site(kind="land", area_m2="66666.67")
        with translation.override("zh-hans"):
            assert formatting.site_area(site) == "100亩（6.67万平方米）"
        with translation.override("en"):
            assert formatting.site_area(site) == "66,666.67 m²"

    def test_a_building_in_square_metres(self):
        with translation.override("zh-hans"):
            assert formatting.site_area(make_site(area_m2="8400")) == "8400平方米"

    def test_rent_and_distance(self):
        site = make_site(price="22", price_basis="rent_m2_month")
        with translation.override("zh-hans"):
            assert formatting.site_price(site) == "22元/平方米/月"
            assert formatting.km(14.26) == "14.3公里"
        with translation.override("en"):
            assert formatting.site_price(site) == "RMB 22 per m² a month"
            assert formatting.km(14.26) == "14.3 km"

    def test_indicators(self):
        wage = make_indicator(value="4300")
        rate = make_indicator(kind="social_insurance", level="", value="26.6", unit="percent")
        with translation.override("zh-hans"):
            assert formatting.indicator_value(wage) == "4300元/月"
            assert formatting.indicator_value(rate) == "26.6%"
        with translation.override("en"):
            assert formatting.indicator_value(wage) == "RMB 4,300 a month"

    def test_an_indicative_dollar_figure(self):
        rate = make_indicator(kind="exchange_rate", level="", value="7", unit="cny_per_usd")
        with translation.override("en"):
            assert formatting.usd(Decimal("7000000"), rate) == "US$1 million"
        assert formatting.usd(Decimal(1), None) == ""


class TestFilterForm:
    def form(self, data, **kwargs):
        options = {"parks": [], "districts": [], "sectors": [], "nodes": [], **kwargs}
        return SiteFilterForm(data, **options)

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"area_min": "-5"}, "area_min"),
            ({"area_min": "500", "area_max": "100"}, "area_max"),
            ({"power_min": "abc"}, "power_min"),
            ({"park": "no-such-park"}, "park"),
            ({"within_km": "10"}, "within_km"),
            ({"available_by": "2027-13-45"}, "available_by"),
            ({"kind": "castle"}, "kind"),
        ],
    )
    def test_a_bad_value_is_dropped_with_a_message(self, data, field):
        form = self.form(data)
        assert field not in form.filters()
        assert field in form.errors
        assert form.problems()

    def test_good_values_become_filters(self):
        node = make_node(slug="port")
        form = self.form(
            {"kind": "factory", "power_min": "2000", "node": "port", "within_km": "30"},
            nodes=[node],
        )
        assert form.filters() == {
            "kind": "factory",
            "power_min": 2000,
            "node": node,
            "within_km": Decimal("30"),
        }
        assert not form.problems()


class TestEstimate:
    def test_each_line_cites_its_indicator(self):
        make_cost_indicators()
        indicators = list(Indicator.objects.all())
        form = EstimateForm(
            {"entry": "10", "engineer": "2", "power_kwh": "1000", "floor_m2": "100"}
        )
        result = estimate(form.values(), indicators)
        amounts = {line.indicator.slug: line.amount for line in result.lines}
        wages = Decimal(10 * 4000 * 12 + 2 * 10000 * 12)
        assert amounts["wage-entry"] == 10 * 4000 * 12
        assert amounts["insurance"] == wages * Decimal("0.25")
        assert amounts["fund"] == wages * Decimal("0.1")
        assert amounts["power"] == Decimal("700")
        assert amounts["rent"] == 100 * 20 * 12
        assert result.total == sum(amounts.values())

    def test_the_site_asking_rent_is_used(self):
        make_cost_indicators()
        site = make_site(price="30", price_basis="rent_m2_month")
        result = estimate({"floor_m2": 10}, list(Indicator.objects.all()), site)
        assert [(line.site, line.amount) for line in result.lines] == [(site, 10 * 30 * 12)]

    def test_the_district_figure_comes_before_the_city_figure(self):
        make_cost_indicators()
        district = make_district()
        make_indicator(
            slug="local-rent", kind="factory_rent", level="", value="15", district=district
        )
        site = make_site(kind="land", district=district)
        lines = estimate({"floor_m2": 1}, list(Indicator.objects.all()), site).lines
        assert lines[0].indicator.slug == "local-rent"

    @pytest.mark.parametrize("data", [{"entry": "-3"}, {"entry": "many"}, {"floor_m2": "1e99"}])
    def test_bad_inputs_count_as_nothing(self, data):
        form = EstimateForm(data)
        assert form.is_asked()
        assert set(form.values().values()) == {0}


class TestListQuery:
    def test_the_box_holds_every_site_within_the_distance(self):
        from siting.selectors import bounding_box

        node = make_node(at=("36.0", "120.2"))
        box = bounding_box(node, 20)
        for lat, lng in ((36.179, 120.2), (36.0, 120.422), (35.821, 120.2)):
            assert great_circle_km(36.0, 120.2, lat, lng) < 20
            assert box["latitude__gte"] <= lat <= box["latitude__lte"]
            assert box["longitude__gte"] <= lng <= box["longitude__lte"]

    def test_within_keeps_the_near_site_only(self):
        from siting.selectors import sites

        node = make_node(at=QIANWAN)
        near = make_site(latitude="36.05", longitude="120.23")  # about 3.3 km
        make_site(latitude="36.30", longitude="120.23")  # about 31 km
        found = list(sites(node=node, within_km=5))
        assert found == [near]
        assert found[0].distance_km == pytest.approx(3.3, abs=0.1)
