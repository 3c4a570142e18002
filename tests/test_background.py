"""The scheduler enqueues each periodic job once when due; the jobs prune and retry."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.jobs import heartbeat, prune_finished_tasks, resend_pending_emails
from background.models import JobRun
from background.schedule import JOBS
from background.scheduler import enqueue_due_jobs
from enquiries.models import Notification
from enquiries.routing import route

from .enquiry_helpers import make_enquiry

pytestmark = pytest.mark.django_db

HEARTBEAT = heartbeat.module_path


def queued(name):
    return DBTaskResult.objects.ready().filter(task_path=name).count()


def test_the_portal_jobs_are_registered():
    assert {HEARTBEAT, prune_finished_tasks.module_path, resend_pending_emails.module_path} <= set(
        JOBS
    )


def test_each_due_job_is_enqueued_once_until_it_is_due_again():
    now = timezone.now()
    assert set(enqueue_due_jobs(now)) == set(JOBS)
    assert enqueue_due_jobs(now + timedelta(seconds=30)) == []
    assert queued(HEARTBEAT) == 1
    # A minute later the heartbeat is due again, the hourly pruning is not.
    again = enqueue_due_jobs(now + timedelta(minutes=1))
    assert HEARTBEAT in again and prune_finished_tasks.module_path not in again
    assert queued(HEARTBEAT) == 2


def test_a_job_another_scheduler_just_enqueued_is_not_enqueued_again():
    now = timezone.now()
    JobRun.objects.create(name=HEARTBEAT, last_enqueued_at=now)
    assert HEARTBEAT not in enqueue_due_jobs(now)
    assert queued(HEARTBEAT) == 0


def test_run_scheduler_once_enqueues_and_exits():
    out = StringIO()
    call_command("run_scheduler", once=True, stdout=out)
    assert f"Enqueued {len(JOBS)} job(s)" in out.getvalue()
    assert JobRun.objects.filter(last_enqueued_at__isnull=False).count() == len(JOBS)


def test_the_worker_records_when_it_finished_a_job(worker):
    enqueue_due_jobs()
    assert JobRun.objects.get(name=HEARTBEAT).last_finished_at is None
    worker.run()
    finished = JobRun.objects.get(name=HEARTBEAT).last_finished_at
    assert finished and timezone.now() - finished < timedelta(minutes=1)


def test_pruning_deletes_only_old_finished_task_rows(worker, settings):
    settings.TASK_RESULT_RETENTION_DAYS = 14
    for _number in range(3):
        heartbeat.enqueue()
    worker.run()
    old, recent, _other = DBTaskResult.objects.order_by("pk")
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=15))
    ready = heartbeat.enqueue()  # not finished: never pruned
    prune_finished_tasks.call()
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert str(old.pk) not in remaining
    assert {str(recent.pk), ready.id} <= remaining


def lost_email():
    """A pending email whose task is gone (queue emptied), created a while ago."""
    enquiry = make_enquiry()
    route(enquiry)
    DBTaskResult.objects.all().delete()
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    return enquiry


def test_the_safety_net_enqueues_lost_emails_once(worker):
    lost_email()
    assert resend_pending_emails.call() == 2
    # Their tasks are queued now: a second round adds none.
    assert resend_pending_emails.call() == 0
    worker.run()
    assert len(mail.outbox) == 2
    assert Notification.objects.pending().count() == 0


def test_the_safety_net_leaves_new_and_claimed_emails_alone():
    lost_email()
    Notification.objects.filter(kind="ack").update(created_at=timezone.now())
    Notification.objects.filter(kind="desk").update(
        claimed_until=timezone.now() + timedelta(minutes=1)
    )
    assert resend_pending_emails.call() == 0


def test_the_safety_net_routes_an_enquiry_left_unrouted(worker):
    enquiry = make_enquiry()
    resend_pending_emails.call()
    worker.run()
    enquiry.refresh_from_db()
    assert enquiry.desk is not None
    assert len(mail.outbox) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_enqueue_each_job_once():
    now = timezone.now()
    barrier = threading.Barrier(2)
    results = []

    def scheduler():
        try:
            barrier.wait()
            results.extend(enqueue_due_jobs(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _number in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted(JOBS)
    assert queued(HEARTBEAT) == 1
