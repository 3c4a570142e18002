import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from projects.models import Event, Park, Policy

from .factories import make_centre, make_district, make_event, make_park, make_policy

pytestmark = pytest.mark.django_db


class TestPublished:
    def test_draft_is_hidden(self):
        park = make_park(status=Park.Status.DRAFT)
        assert park not in Park.objects.published()
        assert not park.is_published

    def test_published_without_schedule_is_visible(self):
        park = make_park()
        assert list(Park.objects.published()) == [park]
        assert park.is_published

    def test_scheduled_in_future_is_hidden_until_due(self):
        later = make_park(publish_at=timezone.now() + datetime.timedelta(hours=1))
        due = make_park(publish_at=timezone.now() - datetime.timedelta(minutes=1))
        assert list(Park.objects.published()) == [due]
        assert not later.is_published


class TestTranslationCompleteness:
    def test_published_without_chinese_name_is_refused(self):
        park = make_park(name_zh_hans="")
        with pytest.raises(ValidationError) as caught:
            park.full_clean()
        assert "name_zh_hans" in caught.value.message_dict
        assert park.missing_languages == ["zh-hans"]

    def test_draft_without_chinese_name_is_accepted(self):
        park = make_park(name_zh_hans="", summary_zh_hans="", status=Park.Status.DRAFT)
        park.full_clean()
        assert park.missing_languages == ["zh-hans"]

    def test_complete_record_has_nothing_missing(self):
        assert make_policy().missing_languages == []

    def test_whitespace_does_not_count_as_a_translation(self):
        centre = make_centre(summary_en="   ")
        with pytest.raises(ValidationError) as caught:
            centre.full_clean()
        assert list(caught.value.message_dict) == ["summary_en"]


class TestTranslationFallback:
    def test_missing_chinese_falls_back_to_english(self):
        park = make_park(name_en="Sino-German Eco-Park", name_zh_hans="", status=Park.Status.DRAFT)
        with translation.override("zh-hans"):
            assert park.name == "Sino-German Eco-Park"

    def test_each_language_reads_its_own_column(self):
        park = make_park(name_en="Sino-German Eco-Park", name_zh_hans="中德生态园")
        with translation.override("zh-hans"):
            assert park.name == "中德生态园"
        with translation.override("en"):
            assert park.name == "Sino-German Eco-Park"


class TestPolicyDates:
    def test_expiry_before_effective_is_refused(self):
        policy = make_policy(effective_date=datetime.date(2024, 1, 1))
        policy.expiry_date = datetime.date(2023, 12, 31)
        with pytest.raises(ValidationError) as caught:
            policy.full_clean()
        assert "expiry_date" in caught.value.message_dict

    def test_in_force_is_computed_from_dates(self):
        today = timezone.localdate()
        current = make_policy(effective_date=today - datetime.timedelta(days=10))
        expired = make_policy(
            effective_date=datetime.date(2020, 1, 1), expiry_date=today - datetime.timedelta(days=1)
        )
        future = make_policy(effective_date=today + datetime.timedelta(days=5))
        assert current.in_force and not expired.in_force and not future.in_force
        assert list(Policy.objects.in_force()) == [current]
        assert set(Policy.objects.not_in_force()) == {expired, future}

    def test_expiry_day_itself_is_still_in_force(self):
        today = timezone.localdate()
        policy = make_policy(effective_date=datetime.date(2020, 1, 1), expiry_date=today)
        assert policy.in_force


class TestEventDates:
    def test_end_before_start_is_refused(self):
        event = make_event()
        event.ends_at = event.starts_at - datetime.timedelta(hours=1)
        with pytest.raises(ValidationError) as caught:
            event.full_clean()
        assert "ends_at" in caught.value.message_dict

    def test_unknown_time_zone_is_refused(self):
        event = make_event()
        event.timezone = "Mars/Olympus_Mons"
        with pytest.raises(ValidationError) as caught:
            event.full_clean()
        assert "timezone" in caught.value.message_dict

    def test_upcoming_and_past(self):
        upcoming = make_event()
        past = make_event(
            starts_at=timezone.now() - datetime.timedelta(days=10),
            ends_at=timezone.now() - datetime.timedelta(days=9),
        )
        assert list(Event.objects.upcoming()) == [upcoming]
        assert list(Event.objects.past()) == [past]


class TestLocation:
    @pytest.mark.parametrize(("lat", "lng"), [(91, 120), (-91, 120), (36, 181), (36, -181)])
    def test_out_of_range_coordinates_are_refused(self, lat, lng):
        park = make_park(latitude=lat, longitude=lng)
        with pytest.raises(ValidationError):
            park.full_clean()

    def test_valid_coordinates_are_accepted(self):
        make_park(latitude="36.067100", longitude="120.382600").full_clean()

    def test_half_a_location_is_refused(self):
        park = make_park(latitude="36.0")
        with pytest.raises(ValidationError):
            park.full_clean()


def test_natural_keys_are_slugs():
    park = make_park(district=make_district())
    assert park.natural_key() == (park.slug,)
    assert Park.objects.get_by_natural_key(park.slug) == park
    assert park.district.natural_key() == (park.district.slug,)
