"""The demo never overrides what staff did: no password reset, no edit reverted."""

import io
import json
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from projects.models import District, Sector

pytestmark = pytest.mark.django_db
STAMPS = {"created_at": "2026-11-02T09:00:00+08:00", "updated_at": "2026-11-02T09:00:00+08:00"}

SECTOR = {
    "model": "projects.sector",
    "fields": {"slug": "marine", "name_en": "Marine economy", "name_zh_hans": "海洋经济", **STAMPS},
}
DISTRICT = {
    "model": "projects.district",
    "fields": {"slug": "laoshan", "name_en": "Laoshan", "name_zh_hans": "崂山区", **STAMPS},
}


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


# The demo admin --------------------------------------------------------------------


def test_demo_admin_is_created_when_there_is_no_superuser():
    assert "Created demo admin" in run("ensure_demo_admin")
    user = User.objects.get(username="admin")
    assert user.is_superuser and user.check_password("invest-qingdao-demo")


def test_a_changed_password_is_never_reset():
    run("ensure_demo_admin")
    user = User.objects.get(username="admin")
    user.set_password("the-bureau-s-own-password")
    user.save()
    run("ensure_demo_admin")
    user.refresh_from_db()
    assert user.check_password("the-bureau-s-own-password")
    assert not user.check_password("invest-qingdao-demo")


def test_no_demo_admin_next_to_a_real_superuser():
    User.objects.create_superuser("bureau", "it@qingdao.example", "a-long-real-password")
    assert "no demo account" in run("ensure_demo_admin")
    assert list(User.objects.values_list("username", flat=True)) == ["bureau"]


def test_an_existing_staff_account_named_admin_is_not_promoted():
    User.objects.create_user("admin", password="a-long-real-password", is_staff=True)
    run("ensure_demo_admin")
    user = User.objects.get(username="admin")
    assert not user.is_superuser and user.check_password("a-long-real-password")


def test_make_serve_loads_no_demo_and_creates_no_account():
    plan = subprocess.run(
        ["make", "-n", "serve"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    assert "gunicorn" in plan
    assert "load_demo" not in plan
    assert "ensure_demo_admin" not in plan
    run_plan = subprocess.run(
        ["make", "-n", "run"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    assert "ensure_demo_admin" in run_plan


def test_serve_says_how_to_load_the_demo_into_an_empty_database():
    assert "load_demo" in run("demo_hint")
    Sector.objects.create(slug="s", name_en="S", name_zh_hans="海")
    from .factories import make_park

    make_park()
    assert run("demo_hint") == ""


# load_demo keeps staff edits --------------------------------------------------------


@pytest.fixture
def fixtures(tmp_path, settings):
    (tmp_path / "010_sectors.json").write_text(json.dumps([SECTOR]), encoding="utf-8")
    (tmp_path / "020_districts.json").write_text(json.dumps([DISTRICT]), encoding="utf-8")
    settings.FIXTURE_DIRS = [tmp_path]


def test_loading_twice_creates_once(fixtures):
    assert "2 records created" in run("load_demo")
    output = run("load_demo")
    assert "0 records created" in output
    assert "edited" not in output
    assert Sector.objects.count() == District.objects.count() == 1


def test_an_edited_record_is_left_alone_and_reported(fixtures):
    run("load_demo")
    Sector.objects.filter(slug="marine").update(name_en="Blue economy")
    output = run("load_demo")
    assert Sector.objects.get(slug="marine").name_en == "Blue economy"
    assert "Left projects.sector “marine” alone: edited since (name_en)" in output
    assert "--reset" in output
    # Untouched records and the other file are still fine.
    assert District.objects.get(slug="laoshan").name_en == "Laoshan"


def test_a_deleted_record_is_created_again(fixtures):
    run("load_demo")
    District.objects.all().delete()
    assert "1 records created" in run("load_demo")
    assert District.objects.filter(slug="laoshan").exists()


def test_reset_restores_edited_records_and_says_which(fixtures):
    run("load_demo")
    Sector.objects.filter(slug="marine").update(name_en="Blue economy", name_zh_hans="蓝色经济")
    output = run("load_demo", "--reset")
    sector = Sector.objects.get(slug="marine")
    assert (sector.name_en, sector.name_zh_hans) == ("Marine economy", "海洋经济")
    assert "Restored projects.sector “marine”: name_en, name_zh_hans." in output
    assert "1 restored" in output
    assert "Restored" not in run("load_demo")
