"""Enqueue each periodic job when it is due; the due-state lives in the database."""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from .models import JobRun
from .schedule import JOBS

logger = logging.getLogger(__name__)


def enqueue_due_jobs(now=None):
    """Enqueue every registered job that is due; returns the names enqueued.

    Each job is claimed by one conditional UPDATE, committed with its enqueued task:
    of two schedulers, only one enqueues a due job, and a crash enqueues nothing.
    """
    now = now or timezone.now()
    JobRun.objects.bulk_create([JobRun(name=name) for name in JOBS], ignore_conflicts=True)
    enqueued = []
    for job in JOBS.values():
        due = Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=now - job.every)
        with transaction.atomic():
            if JobRun.objects.filter(due, name=job.name).update(last_enqueued_at=now):
                job.task.enqueue()
                enqueued.append(job.name)
    if enqueued:
        logger.info("Enqueued %s", ", ".join(enqueued))
    return enqueued


def record_finished(*, sender, task_result, **kwargs):
    """A worker finished a periodic job: note when (the heartbeat tells /healthz)."""
    name = task_result.task.module_path
    if name in JOBS and task_result.status == TaskResultStatus.SUCCESSFUL:
        JobRun.objects.filter(name=name).update(last_finished_at=task_result.finished_at)
