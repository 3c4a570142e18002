"""A backup written as the README says restores into an empty database unchanged."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from enquiries.models import Enquiry
from projects.models import Park

from . import snapshots
from .enquiry_helpers import make_enquiry
from .factories import make_centre, make_event, make_park, make_policy, make_sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(django_user_model):
    sector = make_sector(slug="marine-biotech")
    park = make_park(slug="blue-valley", body_en="<p>Labs <strong>by the sea</strong>.</p>")
    park.sectors.add(sector)
    policy = make_policy(slug="rd-subsidy")
    policy.parks.add(park)
    make_event(slug="expo", park=park)
    make_centre(slug="frankfurt")
    make_enquiry()
    editor = django_user_model.objects.create_user("editor", password="a-long-editor-password")
    # get_or_create: an earlier transactional test may have emptied the tables.
    editor.groups.add(Group.objects.get_or_create(name="Editor")[0])


# Outside a test transaction, as in real life: PostgreSQL refuses to empty tables
# whose deferred foreign-key checks are still pending in an open transaction.
@pytest.mark.django_db(transaction=True)
def test_dump_flush_and_restore_gives_back_the_same_records(content, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    before = snapshots.records()
    backup = tmp_path / "backup.json"
    backup.write_text(snapshots.dump(indent=1), encoding="utf-8")

    call_command("flush", interactive=False, verbosity=0)
    assert not Park.objects.exists()
    assert not Enquiry.objects.exists()

    call_command("loaddata", backup, verbosity=0)
    assert snapshots.records() == before


def test_the_comparison_notices_a_lost_record(content):
    before = snapshots.records()
    Park.objects.filter(slug="blue-valley").delete()
    assert snapshots.records() != before
