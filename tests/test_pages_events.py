import datetime
import zoneinfo

import pytest
from django.utils import timezone

from projects.ics import escape_text, fold
from projects.models import Event

from .factories import make_event, make_sector
from .pages import LANGUAGES, budget, get_page, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_list_keeps_filters_across_languages(client, language):
    make_event(country="KR")
    url = f"/{language}/events/?when=past&country=KR"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_detail_links_to_its_twin_and_calendar(client, language):
    event = make_event(slug="beer-festival")
    url = f"/{language}/events/{event.slug}/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    assert f'href="/{language}/events/beer-festival/calendar.ics"' in response.content.decode()


def test_upcoming_first_past_in_the_archive(client):
    make_event(name={"en": "Later"}, starts_at=days(20), ends_at=days(21))
    make_event(name={"en": "Sooner"}, starts_at=days(2), ends_at=days(3))
    make_event(name={"en": "Finished fair"}, starts_at=days(-9), ends_at=days(-8))
    upcoming = client.get("/en/events/").content.decode()
    assert upcoming.index("Sooner") < upcoming.index("Later")
    assert "Finished fair" not in upcoming
    past = client.get("/en/events/?when=past").content.decode()
    assert "Finished fair" in past and "Sooner" not in past


def test_filters_combine(client):
    marine = make_sector(slug="marine")
    make_event(name={"en": "Seoul forum"}, kind=Event.Kind.FORUM, country="KR").sectors.add(marine)
    make_event(name={"en": "Seoul fair"}, kind=Event.Kind.FAIR, country="KR").sectors.add(marine)
    make_event(name={"en": "Berlin forum"}, kind=Event.Kind.FORUM, country="DE").sectors.add(marine)
    html = client.get("/en/events/?sector=marine&kind=forum&country=KR").content.decode()
    assert "Seoul forum" in html
    assert "Seoul fair" not in html and "Berlin forum" not in html
    assert "South Korea" in html  # the country filter lists where events take place


@pytest.mark.parametrize(
    "query", ["?when=tomorrow", "?country=XX", "?kind=%00", "?sector=", "?page=-3", "?page=x"]
)
def test_bad_filters_are_ignored(client, query):
    make_event(name={"en": "Still listed"})
    response = client.get("/en/events/" + query)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_huge_query_string_is_a_bad_request(client):
    assert client.get("/en/events/?kind=" + "k" * 3000).status_code == 400


def test_unknown_and_draft_events_are_not_found(client):
    make_event(slug="draft", status=Event.Status.DRAFT)
    assert client.get("/en/events/nope/").status_code == 404
    assert client.get("/en/events/draft/").status_code == 404
    assert client.get("/en/events/draft/calendar.ics").status_code == 404


@pytest.mark.parametrize("size", [1, 10])
def test_event_list_queries_stay_constant(client, django_assert_num_queries, size):
    sector = make_sector()
    for _ in range(size):
        make_event().sectors.add(sector)
    warm_up(client, "/en/events/")
    # sectors, countries (filter choices), count, page
    with django_assert_num_queries(budget("event list")):
        get_page(client, "/zh-hans/events/", "zh-hans")


@pytest.mark.parametrize("size", [1, 10])
def test_event_detail_queries_stay_constant(client, django_assert_num_queries, size):
    event = make_event()
    for _ in range(size):
        event.sectors.add(make_sector())
    url = f"/en/events/{event.slug}/"
    warm_up(client, url)
    # event with park and centre, sectors, images
    with django_assert_num_queries(budget("event detail")):
        get_page(client, url, "en")


class TestCalendar:
    def test_ics_times_are_utc_and_lines_end_in_crlf(self, client):
        seoul = zoneinfo.ZoneInfo("Asia/Seoul")
        event = make_event(
            slug="qingdao-week-korea",
            name={"en": "Qingdao Week; Seoul, Korea"},
            starts_at=datetime.datetime(2030, 5, 20, 9, 30, tzinfo=seoul),
            ends_at=datetime.datetime(2030, 5, 22, 18, 0, tzinfo=seoul),
            timezone="Asia/Seoul",
        )
        response = client.get(f"/en/events/{event.slug}/calendar.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert 'filename="qingdao-week-korea.ics"' in response["Content-Disposition"]
        text = response.content.decode()
        assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        assert text.endswith("END:VCALENDAR\r\n")
        assert "\n" not in text.replace("\r\n", "")
        assert "DTSTART:20300520T003000Z\r\n" in text
        assert "DTEND:20300522T090000Z\r\n" in text
        assert "SUMMARY:Qingdao Week\\; Seoul\\, Korea\r\n" in text
        assert f"URL:http://testserver/en/events/{event.slug}/" in text

    def test_chinese_calendar_has_chinese_text(self, client):
        event = make_event(name={"zh-hans": "青岛周"})
        text = client.get(f"/zh-hans/events/{event.slug}/calendar.ics").content.decode()
        assert "SUMMARY:青岛周\r\n" in text

    def test_text_is_escaped(self):
        assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"

    def test_long_lines_fold_at_75_octets_without_splitting_characters(self):
        line = "DESCRIPTION:" + "青岛国际啤酒节" * 20
        folded = fold(line)
        pieces = folded.split("\r\n")
        assert len(pieces) > 1
        assert all(len(piece.encode()) <= 75 for piece in pieces)
        assert all(piece.startswith(" ") for piece in pieces[1:])
        assert "".join(piece.removeprefix(" ") for piece in pieces) == line

    def test_short_lines_are_not_folded(self):
        assert fold("SUMMARY:Expo") == "SUMMARY:Expo"
