"""Stay informed: double opt-in by a signed link, one-click unsubscribe, digests, retention."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from stories import jobs, subscriptions
from stories.models import Subscription

from .factories import make_centre, make_policy, make_sector
from .story_factories import make_news

pytestmark = pytest.mark.django_db


def subscribe(client, language="en", **fields):
    data = {"email": "investor@example.com", "topic": "sector", "key": "logistics", "consent": "on"}
    return client.post(f"/{language}/subscribe/", {**data, **fields})


def link_in(message, action):
    return re.search(rf"http://\S+/subscribe/{action}/\S+/", message.body).group()


@pytest.fixture
def logistics():
    return make_sector(slug="logistics", name_en="Logistics", name_zh_hans="物流")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_form_names_what_is_subscribed_to(client, logistics, language):
    response = client.get(f"/{language}/subscribe/?topic=sector&key=logistics")
    assert response.status_code == 200
    assert ("Logistics" if language == "en" else "物流") in response.content.decode()


@pytest.mark.parametrize("query", ["", "?topic=sector&key=nope", "?topic=planet&key=mars"])
def test_nothing_to_subscribe_to_is_not_found(client, query):
    assert client.get("/en/subscribe/" + query).status_code == 404


def test_subscribing_sends_a_confirmation_link_and_nothing_else(client, logistics, worker):
    response = subscribe(client, language="zh-hans")
    assert response.status_code == 200
    assert not mail.outbox, "sent by the worker, not in the request"
    worker.run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "/zh-hans/subscribe/confirm/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/zh-hans/subscribe/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert Subscription.objects.get().confirmed_at is None


def test_a_get_on_the_confirmation_link_only_asks(client, logistics, worker):
    subscribe(client)
    worker.run()
    path = (
        link_in(mail.outbox[0], "confirm")
        .split("testserver")[-1]
        .replace("http://127.0.0.1:8000", "")
    )
    assert client.get(path).status_code == 200
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(path).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


@pytest.mark.parametrize("bad", [{"consent": ""}, {"email": "not-an-address"}, {"key": "nope"}])
def test_bad_subscriptions_are_refused(client, logistics, bad):
    assert subscribe(client, **bad).status_code == 400
    assert not Subscription.objects.exists()


def test_forged_or_expired_links_are_refused(client, logistics, settings):
    subscription = Subscription.objects.create(
        email="a@example.com", topic="sector", key="logistics", language="en"
    )
    unsubscribe = subscriptions.token(subscription, subscriptions.UNSUBSCRIBE)
    assert client.post(f"/en/subscribe/confirm/{unsubscribe}/").status_code == 404
    assert client.post("/en/subscribe/confirm/forged:token/").status_code == 404
    settings.SUBSCRIPTION_CONFIRM_DAYS = 0
    confirm = subscriptions.token(subscription, subscriptions.CONFIRM)
    assert client.post(f"/en/subscribe/confirm/{confirm}/").status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_one_click_unsubscribe_deletes_the_subscription(client):
    subscription = Subscription.objects.create(
        email="a@example.com",
        topic="sector",
        key="logistics",
        language="en",
        confirmed_at=timezone.now(),
    )
    path = (
        f"/en/subscribe/unsubscribe/{subscriptions.token(subscription, subscriptions.UNSUBSCRIBE)}/"
    )
    assert client.get(path).status_code == 200
    assert Subscription.objects.exists(), "a GET never unsubscribes"
    # RFC 8058: the mail client POSTs List-Unsubscribe=One-Click without a CSRF token.
    client.handler.enforce_csrf_checks = True
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200


def test_the_digest_lists_what_is_new_and_only_once(logistics):
    week_ago = timezone.now() - datetime.timedelta(days=8)
    subscription = Subscription.objects.create(
        email="a@example.com",
        topic="sector",
        key="logistics",
        language="zh-hans",
        confirmed_at=week_ago,
        last_sent_at=week_ago,
    )
    make_news(name_zh_hans="港口新闻").sectors.add(logistics)
    make_policy(name_zh_hans="物流政策").sectors.add(logistics)
    make_policy(name_zh_hans="别的政策")
    assert jobs.send_subscription_digests.call() == 1
    body = mail.outbox[0].body
    assert "港口新闻" in body and "物流政策" in body and "别的政策" not in body
    assert "/zh-hans/subscribe/unsubscribe/" in body
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscription.refresh_from_db()
    assert subscription.last_sent_at > week_ago
    # A week later, with nothing published since the last digest: no email.
    from projects.models import Policy
    from stories.models import NewsItem

    for model in (Policy, NewsItem):
        model.objects.update(created_at=week_ago - datetime.timedelta(days=1))
    Subscription.objects.update(last_sent_at=week_ago)
    assert jobs.send_subscription_digests.call() == 0, "nothing new since"


def test_country_subscription_matches_records_linked_to_it():
    make_centre(country="KR", countries_served=["KR"])
    week_ago = timezone.now() - datetime.timedelta(days=8)
    Subscription.objects.create(
        email="a@example.com",
        topic="country",
        key="kr",
        language="en",
        confirmed_at=week_ago,
        last_sent_at=week_ago,
    )
    make_news(name_en="Korean banks", countries=["KR"])
    make_news(name_en="German park", countries=["DE"])
    assert jobs.send_subscription_digests.call() == 1
    assert "Korean banks" in mail.outbox[0].body and "German park" not in mail.outbox[0].body


def test_unconfirmed_digests_are_never_sent_and_are_deleted_after_the_retention(settings):
    old = Subscription.objects.create(email="a@example.com", topic="sector", key="x", language="en")
    Subscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS + 1)
    )
    Subscription.objects.create(email="b@example.com", topic="sector", key="x", language="en")
    assert jobs.send_subscription_digests.call() == 0
    assert jobs.delete_unconfirmed_subscriptions.call() == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["b@example.com"]


def test_the_jobs_are_periodic():
    from background.schedule import JOBS

    names = set(JOBS)
    assert "stories.jobs.send_subscription_digests" in names
    assert "stories.jobs.delete_unconfirmed_subscriptions" in names


def test_editors_manage_stories_and_may_only_view_or_delete_subscriptions():
    from django.contrib.auth.models import Group

    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    assert {"add_story", "change_newsitem", "change_guidestep"} <= editor
    assert {"view_subscription", "delete_subscription"} <= editor
    assert "change_subscription" not in editor
    officer = Group.objects.get(name="Investment officer").permissions
    assert officer.filter(codename="view_story").exists()
    assert not officer.filter(codename="change_story").exists()
