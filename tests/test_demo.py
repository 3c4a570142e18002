"""The demo content: loads twice without change, complete in both languages."""

import io
import json
import re
from collections import Counter
from pathlib import Path

import PIL.Image
import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings
from modeltranslation.translator import translator

from images.models import Image
from projects.models import Event, Park, Policy, Sector

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
DEMO_APPS = ("projects", "images", "stories")
REQUIRED = {"name", "summary", "label", "alt"}
PROSE = {"summary", "body", "description", "eligibility", "benefits", "services", "caption", "alt"}
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def demo_models():
    return [model for app in DEMO_APPS for model in apps.get_app_config(app).get_models()]


def snapshot():
    """Every row of every demo model, serialized with all its fields."""
    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for model in demo_models()
    }


def fixture_records():
    for path in sorted(FIXTURES.glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            yield path.name, record


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded twice, once for the whole module, rolled back afterwards."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        said = io.StringIO()
        call_command("load_demo", stdout=said)
        first = snapshot()
        call_command("load_demo", stdout=io.StringIO())
        yield {"first": first, "second": snapshot(), "said": said.getvalue()}
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


class TestLoadingTwice:
    def test_a_fresh_database_has_no_record_the_demo_must_leave_alone(self, demo):
        # The default desk the migrations create is the demo's, in both languages.
        assert "Left " not in demo["said"], demo["said"]

    def test_second_run_changes_no_row(self, demo):
        assert demo["second"] == demo["first"]

    def test_every_fixture_record_is_loaded(self, demo):
        expected = Counter(record["model"] for _name, record in fixture_records())
        for label, count in expected.items():
            assert apps.get_model(label).objects.count() == count, label

    def test_every_listed_image_is_attached(self, demo):
        manifest = json.loads((FIXTURES / "media" / "images.json").read_text(encoding="utf-8"))
        assert Image.objects.count() == len(manifest) > 0


def translated_objects():
    for model in demo_models():
        if model in translator.get_registered_models():
            fields = translator.get_options_for_model(model).get_field_names()
            for obj in model.objects.all():
                yield obj, fields


class TestBothLanguages:
    def test_required_fields_are_filled_in_both_languages(self, demo):
        for obj, fields in translated_objects():
            for field in REQUIRED.intersection(fields):
                en, zh = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_zh_hans")
                assert en.strip() and zh.strip(), f"{obj._meta.label} {obj}: {field}"

    def test_no_field_is_filled_in_one_language_only(self, demo):
        for obj, fields in translated_objects():
            for field in fields:
                en, zh = getattr(obj, f"{field}_en") or "", getattr(obj, f"{field}_zh_hans") or ""
                assert bool(en.strip()) == bool(zh.strip()), f"{obj._meta.label} {obj}: {field}"

    def test_prose_is_written_in_each_language(self, demo):
        for obj, fields in translated_objects():
            for field in PROSE.intersection(fields):
                en, zh = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_zh_hans")
                if en:
                    assert en != zh, f"{obj._meta.label} {obj}: {field}"
                    assert CHINESE.search(zh), f"{obj._meta.label} {obj}: {field}"
                    assert not CHINESE.search(en), f"{obj._meta.label} {obj}: {field}"

    def test_fixtures_name_both_columns_never_the_bare_field(self):
        for name, record in fixture_records():
            model = apps.get_model(record["model"])
            if model in translator.get_registered_models():
                for field in translator.get_options_for_model(model).get_field_names():
                    assert field not in record["fields"], f"{name}: {field}"


class TestDemoImageFiles:
    """The committed pictures: small, the right shape, each one listed."""

    def test_every_picture_is_listed_and_every_listed_file_exists(self):
        manifest = json.loads((FIXTURES / "media" / "images.json").read_text(encoding="utf-8"))
        listed = {entry["file"] for entry in manifest}
        assert listed == {path.name for path in (FIXTURES / "media").glob("*.jpg")}

    def test_pictures_are_small_wide_jpegs(self):
        for path in (FIXTURES / "media").glob("*.jpg"):
            assert path.stat().st_size < 120 * 1024, path.name
            with PIL.Image.open(path) as picture:
                assert (picture.format, picture.size) == ("JPEG", (1200, 675)), path.name


class TestValidRecords:
    def test_every_record_passes_model_validation(self, demo):
        """What the admin would accept: lengths, coordinates, time zones, translations."""
        for model in demo_models():
            for obj in model.objects.all():
                obj.full_clean()

    def test_every_featured_park_has_a_hero_image(self, demo):
        for park in Park.objects.filter(is_featured=True):
            assert park.images.filter(position=0).exists(), park.slug


class TestDemoCalendar:
    def test_every_event_ends_after_it_starts(self, demo):
        events = Event.objects.all()
        assert events
        for event in events:
            assert event.ends_at >= event.starts_at, event.slug

    def test_events_page_has_upcoming_and_past_events(self, demo):
        assert Event.objects.published().upcoming().exists()
        assert Event.objects.published().past().exists()

    def test_some_policies_are_in_force_and_some_not(self, demo):
        assert Policy.objects.published().in_force().exists()
        assert Policy.objects.published().not_in_force().exists()

    def test_home_page_has_a_few_featured_parks(self, demo):
        assert 3 <= Park.objects.published().filter(is_featured=True).count() <= 5


GOOD_SECTOR = {
    "model": "projects.sector",
    "fields": {
        "slug": "loaded-before-the-error",
        "name_en": "Sea",
        "name_zh_hans": "海",
        "created_at": "2026-11-02T09:00:00+08:00",
        "updated_at": "2026-11-02T09:00:00+08:00",
    },
}


class TestBrokenFixture:
    """A broken file is named in the error and nothing of the run is kept."""

    def fixture_dir(self, tmp_path, settings, **files):
        (tmp_path / "010_good.json").write_text(json.dumps([GOOD_SECTOR]), encoding="utf-8")
        for name, text in files.items():
            (tmp_path / name.replace("__", "/")).parent.mkdir(exist_ok=True)
            (tmp_path / name.replace("__", "/")).write_text(text, encoding="utf-8")
        settings.FIXTURE_DIRS = [tmp_path]

    def assert_refused(self, file_name):
        with pytest.raises(CommandError, match=re.escape(file_name)):
            call_command("load_demo", stdout=io.StringIO())
        assert not Sector.objects.filter(slug="loaded-before-the-error").exists()

    def test_invalid_json(self, settings, tmp_path):
        self.fixture_dir(tmp_path, settings, **{"020_districts.json": '[{"model": "projects.'})
        self.assert_refused("020_districts.json")

    def test_unknown_reference(self, settings, tmp_path):
        park = {
            "model": "projects.park",
            "fields": {"slug": "p", "kind": "pilot_zone", "district": ["no-such-district"]},
        }
        self.fixture_dir(tmp_path, settings, **{"050_parks.json": json.dumps([park])})
        self.assert_refused("050_parks.json")

    def test_image_of_unknown_owner(self, settings, tmp_path):
        entry = {"owner": ["projects.park", "no-such-park"], "position": 0, "file": "x.jpg"}
        self.fixture_dir(tmp_path, settings, **{"media__images.json": json.dumps([entry])})
        self.assert_refused("images.json")
