"""Officers see their own desks' enquiries, editors none, superusers all."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from enquiries.models import Enquiry

from .enquiry_helpers import make_desk, make_enquiry, make_officer
from .factories import make_sector

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:enquiries_enquiry_changelist"


def change_url(enquiry):
    return reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])


@pytest.fixture
def desks():
    return make_desk("Europe"), make_desk("Asia")


@pytest.fixture
def enquiries(desks):
    europe, asia = desks
    return (
        make_enquiry(name="Anna Schmidt", desk=europe),
        make_enquiry(name="Kim Min-jun", country="KR", desk=asia),
    )


def test_officer_sees_and_edits_only_their_desk(client, desks, enquiries):
    europe, asia = desks
    mine, theirs = enquiries
    client.force_login(make_officer("lena", europe))

    listing = client.get(reverse(CHANGELIST))
    assert listing.status_code == 200
    assert list(listing.context["cl"].queryset) == [mine]
    assert client.get(change_url(theirs)).status_code == 302  # "does not exist" redirect
    assert client.get(change_url(mine)).status_code == 200

    form = client.get(change_url(mine)).context["adminform"].form
    assert list(form.fields["desk"].queryset) == [europe]

    response = client.post(
        change_url(mine),
        {
            "status": Enquiry.Status.IN_PROGRESS,
            "desk": europe.pk,
            "internal_notes": "Called back; site visit in May.",
            "name": mine.name,
            "company": mine.company,
            "country": "DE",
            "email": mine.email,
            "phone": "",
            "contact_window": "any",
            "stage": "exploring",
            "message": mine.message,
            "consent": "on",
            "notifications-TOTAL_FORMS": "0",
            "notifications-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    mine.refresh_from_db()
    assert mine.status == Enquiry.Status.IN_PROGRESS
    assert mine.internal_notes == "Called back; site visit in May."


def test_officer_cannot_move_an_enquiry_to_another_desk(client, desks, enquiries):
    europe, asia = desks
    mine, _theirs = enquiries
    client.force_login(make_officer("lena", europe))
    response = client.post(change_url(mine), {"desk": asia.pk, "status": "new"})
    assert "desk" in response.context["adminform"].form.errors


def test_officer_without_a_desk_sees_nothing(client, enquiries):
    client.force_login(make_officer("newcomer"))
    assert list(client.get(reverse(CHANGELIST)).context["cl"].queryset) == []


def test_editor_has_no_access_to_enquiries(client, enquiries):
    editor = User.objects.create_user("ed", password="a-long-editor-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(change_url(enquiries[0])).status_code == 403
    assert not any(perm.startswith("enquiries.") for perm in editor.get_all_permissions())


def test_superuser_sees_every_enquiry_and_cannot_add_one(admin_client, enquiries):
    listing = admin_client.get(reverse(CHANGELIST))
    assert set(listing.context["cl"].queryset) == set(enquiries)
    assert admin_client.get(reverse("admin:enquiries_enquiry_add")).status_code == 403


@pytest.mark.parametrize("term", ["IQ-", "Schmidt", "nordsee.example"])
def test_search_finds_by_reference_name_company_or_email(admin_client, enquiries, term):
    response = admin_client.get(reverse(CHANGELIST), {"q": term})
    assert enquiries[0] in response.context["cl"].queryset


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_admin_pages_answer_in_both_languages(admin_client, enquiries, desks, language):
    headers = {"accept-language": language}
    for url in (
        reverse(CHANGELIST),
        change_url(enquiries[0]),
        reverse("admin:enquiries_desk_changelist"),
        reverse("admin:enquiries_desk_change", args=[desks[0].pk]),
        reverse("admin:enquiries_routingrule_changelist"),
        reverse("admin:enquiries_routingrule_add"),
    ):
        assert admin_client.get(url, headers=headers).status_code == 200, url


def test_changelist_query_count_does_not_grow(admin_client, desks, django_assert_max_num_queries):
    sector = make_sector()
    for _number in range(20):
        make_enquiry(desk=desks[0], sector=sector)
    with django_assert_max_num_queries(15):
        admin_client.get(reverse(CHANGELIST))


def test_csv_export_keeps_chinese_intact(client, desks):
    europe, _asia = desks
    chinese = make_enquiry(name="王伟", company="青岛海洋科技有限公司", desk=europe)
    formula = make_enquiry(name="=HYPERLINK(1)", desk=europe)
    make_enquiry(name="Not selected", desk=europe)
    client.force_login(make_officer("lena", europe))
    response = client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", "_selected_action": [chinese.pk, formula.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="enquiries.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == [chinese.reference, formula.reference]
    assert rows[0]["name"] == "王伟" and rows[0]["company"] == "青岛海洋科技有限公司"
    assert rows[0]["country"] == "Germany"
    # A visitor's text is never run as a spreadsheet formula.
    assert rows[1]["name"] == "'=HYPERLINK(1)"


def test_officer_cannot_export_another_desks_enquiry(client, desks, enquiries):
    europe, _asia = desks
    client.force_login(make_officer("lena", europe))
    response = client.post(
        reverse(CHANGELIST),
        {"action": "export_csv", "_selected_action": [e.pk for e in enquiries]},
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == [enquiries[0].reference]


def test_officer_group_has_exactly_its_enquiry_permissions():
    officer = Group.objects.get(name="Investment officer")
    codenames = set(
        officer.permissions.filter(content_type__app_label="enquiries").values_list(
            "codename", flat=True
        )
    )
    replies = {"view_reply", "add_reply", "view_booking"}
    call_slots = {f"{action}_callslot" for action in ("view", "add", "change", "delete")}
    assert codenames == {"view_enquiry", "change_enquiry", *replies, *call_slots}


def test_filters_for_my_enquiries_and_unsent_emails(client, desks, enquiries):
    from enquiries.models import Notification
    from enquiries.routing import route

    europe, _asia = desks
    mine, _theirs = enquiries
    officer = make_officer("lena", europe)
    unassigned = make_enquiry(desk=europe)
    Enquiry.objects.filter(pk=mine.pk).update(assignee=officer)
    route(unassigned)
    Notification.objects.filter(enquiry=unassigned, kind="ack").update(sent_at="2026-01-01T00:00Z")
    route(mine)
    Notification.objects.filter(enquiry=mine).update(sent_at="2026-01-01T00:00Z")
    client.force_login(officer)

    def listed(**params):
        return set(client.get(reverse(CHANGELIST), params).context["cl"].queryset)

    assert listed(assignee="me") == {mine}
    assert listed(assignee="nobody") == {unassigned}
    assert listed(emails="pending") == {unassigned}
    assert listed(emails="sent") == {mine}


def test_officer_admin_pages_are_valid_html(client, desks, enquiries, tmp_path):
    from .quality import describe_html_errors, validate_html

    europe, _asia = desks
    client.force_login(make_officer("lena", europe))
    pages = {
        "enquiry list": reverse(CHANGELIST),
        "enquiry change": change_url(enquiries[0]),
    }
    documents = {label: client.get(url).content.decode() for label, url in pages.items()}
    errors = describe_html_errors(validate_html(documents, tmp_path))
    assert not errors, errors
