import pytest

from projects.models import CityFigure, Park

from .factories import make_event, make_park, make_policy, translated
from .pages import LANGUAGES, budget, get_page, shown, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_each_section_in_the_language(client, language):
    CityFigure.objects.create(
        slug="ports",
        value=700,
        qualifier="more_than",
        **translated(name={"en": "ports linked by sea", "zh-hans": "通达港口"}),
    )
    make_park(name={"en": "Eco-Park", "zh-hans": "生态园"}, is_featured=True)
    make_event(name={"en": "Beer Festival", "zh-hans": "啤酒节"})
    make_policy(name={"en": "Tariff insurance", "zh-hans": "关税保证保险"})
    url = f"/{language}/"
    response = get_page(client, url, language)
    html = response.content.decode()
    assert switch_link(response) == twin(url, language)
    expected = shown(
        {
            "en": [
                "ports linked by sea",
                "more than 700",
                "Eco-Park",
                "Beer Festival",
                "Tariff insurance",
            ],
            "zh-hans": ["通达港口", "超过700", "生态园", "啤酒节", "关税保证保险"],
        },
        language,
    )
    for text in expected:
        assert text in html


def test_home_leaves_out_unfeatured_drafts_and_past_events(client):
    import datetime

    from django.utils import timezone

    make_park(name={"en": "Not featured"})
    make_park(name={"en": "Draft featured"}, is_featured=True, status=Park.Status.DRAFT)
    past = timezone.now() - datetime.timedelta(days=10)
    make_event(name={"en": "Last year's fair"}, starts_at=past, ends_at=past)
    html = client.get("/en/").content.decode()
    assert "Not featured" not in html
    assert "Draft featured" not in html
    assert "Last year's fair" not in html


@pytest.mark.parametrize("size", [1, 10])
def test_home_queries_stay_constant(client, django_assert_num_queries, size):
    for _ in range(size):
        make_park(is_featured=True)
        make_event()
        make_policy()
    warm_up(client, "/en/")
    # figures, featured parks, their images, upcoming events, newest policies,
    # stories, news, the projects-by-country chart, the minimum wage over the years
    with django_assert_num_queries(budget("home")):
        get_page(client, "/zh-hans/", "zh-hans")


def test_root_redirects_by_accept_language(client):
    chinese = client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert chinese.status_code == 302
    assert chinese["Location"] == "/zh-hans/"
    english = client.get("/", headers={"accept-language": "de-DE,de;q=0.9"})
    assert english["Location"] == "/en/"
    assert "Accept-Language" in chinese["Vary"]


def test_unprefixed_page_redirects_to_the_language(client):
    park = make_park()
    response = client.get(f"/parks/{park.slug}/", headers={"accept-language": "zh-Hans"})
    assert response["Location"] == f"/zh-hans/parks/{park.slug}/"
