"""Desks are named in every language: the comparison and the sheets name them in theirs."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from enquiries.models import Desk, RoutingRule
from factsheets.render import html as sheet_html
from factsheets.selectors import park_sheet

from .factories import make_park
from .pages import LANGUAGES
from .pdf_helpers import text

pytestmark = pytest.mark.django_db
NAMES = {"en": "Alpha desk", "zh-hans": "甲园受理窗口"}


def make_named_desk(names):
    return Desk.objects.create(
        name_en=names.get("en"), name_zh_hans=names.get("zh-hans"), email="alpha@invest.example"
    )


@pytest.fixture
def alpha():
    return make_park(slug="alpha", name={"en": "Alpha Park", "zh-hans": "甲园"})


def route(park, desk):
    RoutingRule.objects.create(kind=RoutingRule.Kind.PARK, park=park, desk=desk)


def other(language):
    return next(code for code in LANGUAGES if code != language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_names_the_desk_in_the_pages_language(client, alpha, language):
    route(alpha, make_named_desk(NAMES))
    html = client.get(f"/{language}/compare/?parks=alpha").content.decode()

    assert NAMES[language] in html
    assert NAMES[other(language)] not in html


def test_a_desk_named_in_english_only_is_marked_english_on_the_chinese_page(client, alpha):
    route(alpha, make_named_desk({"en": "Alpha desk"}))
    html = client.get("/zh-hans/compare/?parks=alpha").content.decode()

    assert '<span lang="en">Alpha desk</span>' in html


def test_the_comparison_pdf_names_the_desk_in_each_of_its_languages(client, alpha):
    route(alpha, make_named_desk(NAMES))
    response = client.get("/en/compare/comparison.pdf?parks=alpha")

    printed = text(response.content)
    assert NAMES["en"] in printed and NAMES["zh-hans"] in printed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_park_sheet_names_its_desk_in_the_sheets_language(alpha, language):
    route(alpha, make_named_desk(NAMES))
    printed = sheet_html("factsheets/park.html", park_sheet("alpha"), language=language)

    assert NAMES[language] in printed and "alpha@invest.example" in printed
    assert NAMES[other(language)] not in printed


def test_the_natural_key_is_the_default_languages_name_in_any_language():
    desk = make_named_desk(NAMES)
    with translation.override("zh-hans"):
        assert desk.natural_key() == ("Alpha desk",)
        assert Desk.objects.get_by_natural_key("Alpha desk") == desk
        with pytest.raises(Desk.DoesNotExist):
            Desk.objects.get_by_natural_key("甲园受理窗口")


def test_desks_without_a_chinese_name_do_not_clash():
    make_named_desk({"en": "Alpha desk"})
    Desk.objects.create(name_en="Beta desk", email="beta@invest.example")

    assert Desk.objects.filter(name_zh_hans__isnull=True).count() >= 2


def test_the_admin_edits_the_names_side_by_side(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    html = client.get(reverse("admin:enquiries_desk_add")).content.decode()

    assert 'name="name_en"' in html and 'name="name_zh_hans"' in html
    # One row holds both languages, as for the content's translated fields.
    assert "field-name_en field-name_zh_hans" in html
    assert 'lang="zh-Hans"' in html


def test_the_admin_requires_the_default_languages_name(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    response = client.post(
        reverse("admin:enquiries_desk_add"),
        {"name_zh_hans": "乙窗口", "email": "b@invest.example", "reply_target_days": 2},
    )

    assert response.status_code == 200
    assert not Desk.objects.filter(name_zh_hans="乙窗口").exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_names_in_the_default_language():
    executor = MigrationExecutor(connection)
    executor.migrate([("enquiries", "0010_site")])
    old = executor.loader.project_state([("enquiries", "0010_site")]).apps
    old.get_model("enquiries", "Desk").objects.create(name="Old desk", email="old@invest.example")

    call_command("migrate", verbosity=0, stdout=io.StringIO())

    desk = Desk.objects.get(name_en="Old desk")
    assert desk.name_zh_hans is None
    with translation.override("zh-hans"):
        assert desk.name == "Old desk"  # shown in English until it is translated


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "name, chinese", [("Investment promotion desk", "投资促进受理窗口"), ("Harbour desk", None)]
)
def test_the_default_desk_as_created_gets_its_chinese_name(name, chinese):
    """Only the name 0002 gave it: a default desk staff have renamed keeps its names."""
    executor = MigrationExecutor(connection)
    executor.migrate([("enquiries", "0011_desk_name_languages")])
    old = executor.loader.project_state([("enquiries", "0011_desk_name_languages")]).apps
    desks = old.get_model("enquiries", "Desk").objects
    desks.filter(is_default=True).delete()
    desks.create(name=name, name_en=name, email="invest@invest.example", is_default=True)

    call_command("migrate", verbosity=0, stdout=io.StringIO())

    assert Desk.objects.get(is_default=True).name_zh_hans == chinese
