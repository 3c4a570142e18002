"""Periodic jobs: each app lists its own in a `jobs` module with `@periodic`."""

from dataclasses import dataclass
from datetime import timedelta

# name -> Job, filled as the `jobs` modules are imported at start-up.
JOBS = {}


@dataclass(frozen=True)
class Job:
    name: str
    task: object
    every: timedelta


def periodic(*, every):
    """Register a django-tasks task to be enqueued by the scheduler every `every`.

    Put it above `@task()`. The task takes no arguments and must be idempotent: it may
    run late, twice, or on two machines.
    """

    def register(task):
        name = task.module_path
        JOBS[name] = Job(name=name, task=task, every=every)
        return task

    return register
