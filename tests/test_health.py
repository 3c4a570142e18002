"""/healthz: the database, the worker's heartbeat and the oldest unsent email."""

from datetime import timedelta

import pytest
from django.utils import timezone

from background.jobs import heartbeat
from background.models import JobRun
from background.scheduler import enqueue_due_jobs
from enquiries.models import Notification
from enquiries.routing import route

from .enquiry_helpers import make_enquiry

pytestmark = pytest.mark.django_db


def worker_seen(ago):
    JobRun.objects.update_or_create(
        name=heartbeat.module_path, defaults={"last_finished_at": timezone.now() - ago}
    )


def lines(response):
    return response.content.decode().splitlines()


def test_all_well(client, django_assert_num_queries):
    worker_seen(timedelta(seconds=20))
    with django_assert_num_queries(3):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert lines(response) == [
        "ok",
        "database: ok",
        "worker: seen 20 s ago",
        "email: none waiting",
        "cache: ok",
    ]


def test_a_worker_not_seen_lately_is_reported_but_not_fatal(client):
    worker_seen(timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert lines(response)[0] == "degraded"
    assert "worker: DEGRADED: not seen for 10 min" in lines(response)


def test_a_worker_never_seen(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert lines(response)[2].startswith("worker: DEGRADED: never seen")


def test_the_age_of_the_oldest_unsent_email(client):
    worker_seen(timedelta(0))
    route(make_enquiry())
    response = client.get("/healthz")
    assert "email: oldest unsent email waiting 0 min" in lines(response)
    Notification.objects.filter(kind="ack").update(
        created_at=timezone.now() - timedelta(minutes=20)
    )
    response = client.get("/healthz")
    assert response.status_code == 200
    assert lines(response)[0] == "degraded"
    assert "email: DEGRADED: oldest unsent email waiting 20 min" in lines(response)


def test_sent_emails_do_not_count(client, worker):
    route(make_enquiry())
    enqueue_due_jobs()  # the heartbeat, run by the real worker with the emails
    worker.run()
    response = client.get("/healthz")
    assert lines(response)[0] == "ok"
    assert "email: none waiting" in lines(response)


def test_head_has_no_body(client):
    response = client.head("/healthz")
    assert response.status_code == 200 and response.content == b""
