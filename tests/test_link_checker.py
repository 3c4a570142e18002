"""The weekly external-link check against a real local server: 200, 404, time-out."""

import pytest
from django.contrib.contenttypes.models import ContentType

from dashboard import links
from dashboard.jobs import check_external_links
from dashboard.models import ExternalLink, LinkSource
from dashboard.selectors import attention
from projects.models import Park

from .factories import make_event, make_park, make_policy
from .link_server import link_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def server(settings):
    settings.LINK_CHECK_ENABLED = True
    settings.LINK_CHECK_PRIVATE_ADDRESSES = True
    settings.LINK_CHECK_TIMEOUT_SECONDS = 1
    with link_server() as running:
        yield running


def link(url):
    return ExternalLink.objects.get(url=url)


def test_links_are_collected_from_url_fields_and_rich_text_in_every_language():
    park = make_park(
        website="https://park.example/",
        body={"en": '<p><a href="https://en.example/a">a</a></p>', "zh-hans": ""},
    )
    park.body_zh_hans = '<p><a href="https://zh.example/b">b</a> <a href="/zh-hans/x/">内</a></p>'
    park.save()
    make_policy(source_url="https://gov.example/doc")
    assert links.collect() == 4
    sources = set(LinkSource.objects.values_list("link__url", "field", "object_id"))
    assert ("https://park.example/", "website", park.pk) in sources
    assert ("https://en.example/a", "body", park.pk) in sources
    assert ("https://zh.example/b", "body", park.pk) in sources
    assert not ExternalLink.objects.filter(url__startswith="/").exists()


def test_a_link_removed_from_its_record_is_forgotten():
    park = make_park(website="https://old.example/")
    links.collect()
    Park.objects.filter(pk=park.pk).update(website="https://new.example/")
    links.collect()
    assert list(ExternalLink.objects.values_list("url", flat=True)) == ["https://new.example/"]


def test_answers_200_404_and_timeout_are_recorded(server):
    ok, missing, slow = server.url("/ok"), server.url("/missing"), server.url("/slow")
    make_park(website=ok)
    make_park(website=missing)
    make_event(registration_url=slow)
    links.collect()
    assert links.check_due() == 2
    assert link(ok).failures == 0 and link(ok).status_code == 200 and link(ok).checked_at
    assert link(missing).failures == 1 and link(missing).status_code == 404
    assert link(slow).failures == 1 and "timed out" in link(slow).error.lower()
    # HEAD first; GET only after HEAD was refused, never after a time-out.
    assert server.requests.count(("HEAD", "/missing")) == 1
    assert server.requests.count(("GET", "/missing")) == 1
    assert ("GET", "/slow") not in server.requests
    # A second failure counts on and keeps the day it started failing.
    since = link(missing).failing_since
    links.check_due()
    assert link(missing).failures == 2 and link(missing).failing_since == since


def test_a_server_that_refuses_head_is_asked_with_get(server):
    url = server.url("/no-head")
    make_park(website=url)
    links.collect()
    assert links.check_due() == 0
    assert server.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]
    assert link(url).status_code == 200


def test_a_link_that_answers_again_is_cleared(server):
    url = server.url("/ok")
    make_park(website=url)
    links.collect()
    ExternalLink.objects.filter(url=url).update(failures=3, status_code=404)
    links.check_due()
    assert link(url).failures == 0 and link(url).failing_since is None


def test_each_run_checks_at_most_the_limit_longest_unchecked_first(server, settings):
    settings.LINK_CHECK_MAX_PER_RUN = 2
    for number in range(3):
        make_park(website=server.url(f"/ok?{number}"))
    links.collect()
    links.check_due()
    assert ExternalLink.objects.filter(checked_at__isnull=True).count() == 1
    links.check_due()
    assert not ExternalLink.objects.filter(checked_at__isnull=True).exists()
    assert len(server.requests) == 4


def test_private_addresses_are_not_fetched_in_production(server, settings):
    settings.LINK_CHECK_PRIVATE_ADDRESSES = False
    make_park(website=server.url("/ok"))
    links.collect()
    assert links.check_due() == 1
    assert server.requests == []
    assert "private" in ExternalLink.objects.get().error


def test_a_redirect_is_followed_but_never_to_a_private_address(server, settings, monkeypatch):
    followed = server.url("/redirect?to=" + server.url("/ok"))
    assert links.check(followed).ok
    port = server.server_address[1]
    # "localhost" stands for an internal host here; 127.0.0.1 for a public one.
    settings.LINK_CHECK_PRIVATE_ADDRESSES = False
    monkeypatch.setattr(links, "private_address", lambda host: host == "localhost")
    answer = links.check(server.url(f"/redirect?to=http://localhost:{port}/ok"))
    assert not answer.ok and "private" in answer.error
    # Only the first, allowed, redirect reached its target.
    assert [path for _method, path in server.requests].count("/ok") == 1


def test_the_weekly_job_checks_and_the_dashboard_lists_the_failing_link(server, worker):
    park = make_park(website=server.url("/missing"))
    make_park(website=server.url("/ok"))
    check_external_links.enqueue()
    worker.run()
    (section,) = [s for s in attention() if s.key == "links"]
    assert [item.label for item in section.items] == [str(park)]
    assert server.url("/missing") in section.items[0].note
    assert "404" in section.items[0].note


def test_the_job_does_nothing_when_the_check_is_off(settings):
    settings.LINK_CHECK_ENABLED = False
    make_park(website="https://park.example/")
    assert check_external_links.call() is None
    assert not ExternalLink.objects.exists()


def test_the_job_is_weekly():
    from datetime import timedelta

    from background.schedule import JOBS

    assert JOBS[check_external_links.module_path].every == timedelta(days=7)
    assert ContentType.objects.get_for_model(Park)
