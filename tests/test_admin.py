import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse

from projects.models import CityFigure, District, Event, OverseasCentre, Park, Policy, Sector

from .factories import make_centre, make_district, make_event, make_park, make_policy, make_sector

pytestmark = pytest.mark.django_db

ADMIN_LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def records():
    return {
        Sector: make_sector(),
        District: make_district(),
        CityFigure: CityFigure.objects.create(
            slug="gdp",
            value=1_500_000_000_000,
            unit="cny",
            name_en="GDP",
            name_zh_hans="地区生产总值",
        ),
        Park: make_park(),
        Policy: make_policy(),
        Event: make_event(),
        OverseasCentre: make_centre(),
    }


def admin_url(model, view, *args):
    return reverse(f"admin:projects_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_every_admin_page_answers_for_an_editor(client, editor, records, language):
    for model, record in records.items():
        for url in (
            admin_url(model, "changelist"),
            admin_url(model, "add"),
            admin_url(model, "change", record.pk),
        ):
            response = client.get(url, headers={"accept-language": language})
            assert response.status_code == 200, url
            assert response.headers["Content-Language"] == language


def test_chinese_admin_speaks_chinese(client, editor, records):
    response = client.get(admin_url(Park, "changelist"), headers={"accept-language": "zh-hans"})
    assert "园区" in response.content.decode()


def test_admin_loads_nothing_from_another_host(client, editor, records):
    html = client.get(admin_url(Park, "add")).content.decode()
    assert "admin/css/portal_admin.css" in html
    assert "googleapis" not in html
    assert 'src="//' not in html and 'src="http' not in html


def park_form(**overrides):
    district = make_district()
    data = {
        "name_en": "Sino-German Eco-Park",
        "name_zh_hans": "中德生态园",
        "kind": Park.Kind.INDUSTRIAL_PARK,
        "district": district.pk,
        "summary_en": "A low-carbon park for German and European companies.",
        "summary_zh_hans": "面向德国及欧洲企业的低碳园区。",
        "slug": "sino-german-eco-park",
        "status": Park.Status.PUBLISHED,
        "figures-TOTAL_FORMS": 0,
        "figures-INITIAL_FORMS": 0,
        "images-image-content_type-object_id-TOTAL_FORMS": 0,
        "images-image-content_type-object_id-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def test_published_park_without_chinese_name_is_refused(client, editor):
    response = client.post(admin_url(Park, "add"), park_form(name_zh_hans=""))
    assert response.status_code == 200
    assert "Required in this language before the record is published." in (
        response.content.decode()
    )
    assert not Park.objects.exists()


def test_draft_park_without_chinese_name_is_saved(client, editor):
    response = client.post(
        admin_url(Park, "add"), park_form(name_zh_hans="", status=Park.Status.DRAFT)
    )
    assert response.status_code == 302
    park = Park.objects.get()
    assert not park.name_zh_hans and park.status == Park.Status.DRAFT


def test_complete_published_park_is_saved(client, editor):
    response = client.post(admin_url(Park, "add"), park_form())
    assert response.status_code == 302
    assert Park.objects.get().name_zh_hans == "中德生态园"


def test_admin_search_finds_either_language(client, editor):
    make_park(name_en="Oriental Film and Television Park", name_zh_hans="东方影都")
    make_park(name_en="Other park", name_zh_hans="其他园区")
    for query in ("Oriental", "东方影都"):
        response = client.get(admin_url(Park, "changelist"), {"q": query})
        assert response.context["cl"].result_count == 1, query


def test_translation_filter_and_column(client, editor):
    every = [code for code, _name in settings.LANGUAGES]
    complete = make_park(name=dict.fromkeys(every, "Park"), summary=dict.fromkeys(every, "Text."))
    incomplete = make_park(summary={"zh-hans": ""}, status=Park.Status.DRAFT)
    response = client.get(admin_url(Park, "changelist"), {"translation": "zh-hans"})
    assert list(response.context["cl"].queryset) == [incomplete]
    response = client.get(admin_url(Park, "changelist"), {"translation": "complete"})
    assert list(response.context["cl"].queryset) == [complete]
    html = client.get(admin_url(Park, "changelist")).content.decode()
    assert "简体中文 1/2" in html  # name and summary count; the Chinese summary is missing


def test_publish_action_skips_incomplete_records(client, editor):
    ready = make_park(status=Park.Status.DRAFT)
    incomplete = make_park(name_zh_hans="", status=Park.Status.DRAFT)
    response = client.post(
        admin_url(Park, "changelist"),
        {"action": "publish", "_selected_action": [ready.pk, incomplete.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    incomplete.refresh_from_db()
    assert ready.status == Park.Status.PUBLISHED
    assert incomplete.status == Park.Status.DRAFT
    text = response.content.decode()
    assert "Published 1 record." in text
    assert "1 record was not published" in text


def test_unpublish_action(client, editor):
    park = make_park()
    client.post(
        admin_url(Park, "changelist"), {"action": "unpublish", "_selected_action": [park.pk]}
    )
    park.refresh_from_db()
    assert park.status == Park.Status.DRAFT


class TestGroups:
    def test_editor_can_change_every_content_type(self):
        perms = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
        for model in ("park", "policy", "event", "overseascentre", "sector", "district", "image"):
            assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= perms

    def test_officer_reads_content_only(self):
        # Content only: handling enquiries is granted by the enquiries app.
        perms = set(
            Group.objects.get(name="Investment officer")
            .permissions.exclude(content_type__app_label="enquiries")
            .values_list("codename", flat=True)
        )
        assert "view_park" in perms and "view_policy" in perms
        assert not any(p.startswith(("add_", "change_", "delete_")) for p in perms)

    def test_officer_cannot_open_the_add_page(self, client):
        user = User.objects.create_user("officer", password="a-long-officer-pass", is_staff=True)
        user.groups.add(Group.objects.get(name="Investment officer"))
        client.force_login(user)
        assert client.get(admin_url(Park, "changelist")).status_code == 200
        assert client.get(admin_url(Park, "add")).status_code == 403
