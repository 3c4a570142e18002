"""Every migration of the portal's own apps can be reversed, with real data present."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from projects.models import Park

from . import snapshots
from .factories import make_park

# What staff and visitors entered (groups and the default desk come from migrations).
CONTENT = ["projects", "images", "enquiries.enquiry", "auth.user"]
# transaction=True: SQLite cannot change its schema inside the test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def own_apps():
    """The apps in this repository that have migrations."""
    loader = MigrationLoader(connection)
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and "site-packages" not in Path(config.path).parts
        and config.label in loader.migrated_apps
    ]


def latest_two(app):
    names = sorted(name for label, name in MigrationLoader(connection).graph.nodes if label == app)
    return names[-2:]


def migrate(*args):
    call_command("migrate", *args, verbosity=0, stdout=io.StringIO())


def test_the_portal_apps_are_covered():
    assert {"projects", "images", "enquiries"} <= set(own_apps())


def test_each_app_to_zero_and_back_with_the_demo_loaded(tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    make_park(slug="blue-valley")
    before = snapshots.records()
    backup = tmp_path / "backup.json"
    backup.write_text(snapshots.dump(), encoding="utf-8")

    for app in own_apps():
        migrate(app, "zero")
        migrate()
        # Going to zero drops the app's tables; restoring the backup into the
        # emptied database, as the README says, brings every row back.
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", backup, verbosity=0)
        assert snapshots.records() == before, app


@pytest.mark.parametrize("app", ["projects", "images", "enquiries"])
def test_latest_migration_reverses_without_touching_content(app):
    """Rolling back the newest migration of a deploy keeps every record as it was."""
    make_park(slug="blue-valley")
    before = snapshots.records(*CONTENT)
    previous, _latest = latest_two(app)
    migrate(app, previous)
    migrate()
    assert snapshots.records(*CONTENT) == before
    assert Park.objects.filter(slug="blue-valley").exists()
