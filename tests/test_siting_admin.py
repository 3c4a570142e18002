"""The siting admin: every page answers for an editor; figures past their age are flagged."""

import datetime

import pytest
from django.urls import reverse

from projects.models import CityFigure

from .factories import make_park
from .siting_helpers import make_indicator, make_node, make_site

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_siting_admin_page_answers_for_an_editor(client, editor, language):
    records = {
        "availablesite": make_site(),
        "logisticsnode": make_node(),
        "indicator": make_indicator(),
    }
    for model, record in records.items():
        for view, args in (("changelist", []), ("add", []), ("change", [record.pk])):
            url = reverse(f"admin:siting_{model}_{view}", args=args)
            response = client.get(url, headers={"accept-language": language})
            assert response.status_code == 200, url


def test_old_indicators_are_flagged_and_filtered(client, editor, settings):
    settings.FIGURE_MAX_AGE_MONTHS = 18
    today = datetime.date.today()
    make_indicator(slug="fresh", as_of=today, value="1234")
    make_indicator(slug="old", as_of=today - datetime.timedelta(days=600), value="5678")
    url = reverse("admin:siting_indicator_changelist")
    html = client.get(url).content.decode()
    assert html.count('alt="False"') == 1 and html.count('alt="True"') == 1
    stale = client.get(url + "?age=stale").content.decode()
    assert "5678" in stale and "1234" not in stale


def test_old_city_figures_are_flagged(client, editor):
    CityFigure.objects.create(slug="old", value=1, year=2019, name_en="Old", name_zh_hans="旧")
    CityFigure.objects.create(
        slug="new", value=1, year=datetime.date.today().year, name_en="New", name_zh_hans="新"
    )
    html = client.get(reverse("admin:projects_cityfigure_changelist")).content.decode()
    assert html.count('alt="False"') == 1 and html.count('alt="True"') == 1


def test_a_park_page_in_the_admin_shows_its_figures_age(client, editor):
    park = make_park()
    park.figures.create(value=1, year=2019, label_en="x", label_zh_hans="十")
    response = client.get(reverse("admin:projects_park_change", args=[park.pk]))
    assert response.status_code == 200
    assert 'alt="False"' in response.content.decode()
