"""'Last reviewed' on every publishable record: list column, filter, action, form button."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from projects.models import Park

from .factories import make_park, make_policy
from .siting_helpers import make_site
from .story_factories import make_news

pytestmark = pytest.mark.django_db


def changelist(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def change(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@pytest.mark.parametrize("factory", [make_park, make_policy, make_site, make_news])
def test_every_change_list_shows_when_each_record_was_last_reviewed(client, editor, factory):
    record = factory()
    response = client.get(changelist(record))
    assert response.status_code == 200
    content = response.content.decode()
    assert "column-last_reviewed" in content and "Never" in content
    type(record).objects.filter(pk=record.pk).update(
        reviewed_at=datetime.datetime(2026, 3, 5, 10, tzinfo=datetime.UTC)
    )
    assert "5 March 2026" in client.get(changelist(record)).content.decode()


def test_the_change_list_in_chinese(client, editor):
    make_park()
    response = client.get(changelist(Park()), headers={"accept-language": "zh-hans"})
    content = response.content.decode()
    assert "最近审核" in content and "从未" in content


def test_the_action_marks_records_reviewed_without_counting_as_an_edit(client, editor):
    park, other, untouched = make_park(), make_park(), make_park()
    updated = Park.objects.get(pk=park.pk).updated_at
    response = client.post(
        changelist(park),
        {"action": "mark_reviewed", "_selected_action": [park.pk, other.pk]},
        follow=True,
    )
    assert "Marked 2 records as reviewed." in response.content.decode()
    park.refresh_from_db()
    assert park.reviewed_by == editor
    assert timezone.now() - park.reviewed_at < datetime.timedelta(minutes=1)
    assert park.updated_at == updated
    assert Park.objects.get(pk=untouched.pk).reviewed_at is None


def test_the_filter_finds_records_due_for_review(client, editor):
    due, fresh = make_park(), make_park()
    Park.objects.filter(pk=fresh.pk).update(reviewed_at=timezone.now())
    content = client.get(changelist(due) + "?review=due").content.decode()
    assert change(due) in content and change(fresh) not in content
    content = client.get(changelist(due) + "?review=current").content.decode()
    assert change(fresh) in content and change(due) not in content
    assert client.get(changelist(due) + "?review=nonsense").status_code == 200


def form_data(client, record):
    """The change form's own initial data, as a browser would post it back."""
    response = client.get(change(record))
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            data[name] = [
                getattr(v, "pk", v) for v in (value.all() if hasattr(value, "all") else value)
            ]
        else:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def test_the_change_form_shows_the_review_and_its_button_marks_it(client, editor):
    park = make_park()
    content = client.get(change(park)).content.decode()
    assert "Never reviewed" in content and 'name="_mark_reviewed"' in content
    response = client.post(change(park), {**form_data(client, park), "_mark_reviewed": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    park.refresh_from_db()
    assert park.reviewed_by == editor and park.reviewed_at
    assert "by editor" in client.get(change(park)).content.decode()


def test_a_plain_save_does_not_mark_it_reviewed(client, editor):
    park = make_park()
    response = client.post(change(park), form_data(client, park))
    assert response.status_code == 302
    park.refresh_from_db()
    assert park.reviewed_at is None


def test_staff_who_may_only_read_get_neither_action_nor_button(client):
    park = make_park()
    officer = User.objects.create_user("officer", is_staff=True)
    officer.groups.add(Group.objects.get(name="Investment officer"))
    client.force_login(officer)
    assert 'name="_mark_reviewed"' not in client.get(change(park)).content.decode()
    response = client.post(
        changelist(park), {"action": "mark_reviewed", "_selected_action": [park.pk]}
    )
    park.refresh_from_db()
    assert park.reviewed_at is None and response.status_code in {200, 302, 403}
