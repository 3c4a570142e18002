"""Officers export or erase one investor's data; the admin log keeps no personal data."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry, Notification

from .enquiry_helpers import make_desk, make_enquiry, make_officer

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:enquiries_enquiry_changelist"
EXPORT = "admin:enquiries_enquiry_export"
ERASE = "admin:enquiries_enquiry_erase"
PERSONAL = ["Anna Schmidt", "anna@nordsee.example", "Nordsee", "+49 40", "factory space"]


@pytest.fixture
def desks():
    return make_desk("Europe"), make_desk("Asia")


@pytest.fixture
def anna(desks):
    """Two enquiries from one investor (the address typed differently), one from someone else."""
    europe, _asia = desks
    first = make_enquiry(desk=europe, internal_notes="Prefers calls in German.")
    second = make_enquiry(desk=europe, email="Anna@Nordsee.example")
    Notification.objects.create(enquiry=first, kind=Notification.Kind.ACKNOWLEDGEMENT)
    other = make_enquiry(name="Kim Min-jun", email="kim@hanbit.example", desk=europe)
    return first, second, other


def export(client, *enquiries):
    ids = ",".join(str(enquiry.pk) for enquiry in enquiries)
    return client.get(reverse(EXPORT) + f"?ids={ids}")


def log_text():
    return " ".join(
        f"{entry.object_repr} {entry.change_message}" for entry in LogEntry.objects.all()
    )


def test_export_holds_every_enquiry_of_that_address_and_nothing_else(admin_client, anna):
    first, second, other = anna
    response = export(admin_client, first)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="investor-data-{first.reference}.json"'
    )
    data = json.loads(response.content)
    assert [e["reference"] for e in data["enquiries"]] == [first.reference, second.reference]
    exported = data["enquiries"][0]
    assert exported["name"] == "Anna Schmidt" and exported["phone"] == "+49 40 1234 5678"
    assert exported["internal_notes"] == "Prefers calls in German."
    assert exported["desk"] == "Europe"
    assert exported["status"] == {"value": "new", "label": "New"}
    assert exported["country"]["value"] == "DE"
    assert [n["kind"]["value"] for n in exported["attached"]["notifications"]] == ["ack"]
    assert "kim@hanbit.example" not in response.content.decode()
    assert other.reference not in response.content.decode()


def test_export_is_logged_by_reference_only(admin_client, anna):
    first, second, _other = anna
    export(admin_client, first)
    assert sorted(LogEntry.objects.values_list("object_repr", flat=True)) == sorted(
        [first.reference, second.reference]
    )
    assert not any(value in log_text() for value in PERSONAL)


def test_export_action_from_the_list(admin_client, anna):
    first, second, other = anna
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "export_investor_data", "_selected_action": [second.pk, other.pk]},
    )
    data = json.loads(response.content)
    assert {e["reference"] for e in data["enquiries"]} == {
        first.reference,
        second.reference,
        other.reference,
    }


def test_officer_exports_only_what_their_desks_hold(client, desks, anna):
    first, second, _other = anna
    _europe, asia = desks
    elsewhere = make_enquiry(desk=asia)  # same address, another desk
    client.force_login(make_officer("lena", desks[0]))
    data = json.loads(export(client, first).content)
    assert elsewhere.reference not in [e["reference"] for e in data["enquiries"]]
    client.force_login(make_officer("minho", asia))
    response = export(client, first)  # not theirs to see: nothing exported
    assert response.status_code == 302
    assert not LogEntry.objects.filter(user__username="minho").exists()


@pytest.mark.parametrize("ids", ["", "abc", "x,,y", "999999", "1" * 400, "²,٣", "-1"])
def test_bad_ids_never_fail(admin_client, anna, ids):
    assert admin_client.get(reverse(EXPORT) + f"?ids={ids}").status_code == 302
    assert admin_client.get(reverse(ERASE) + f"?ids={ids}").status_code == 200


def test_change_page_links_to_export_and_erase(admin_client, anna):
    first, *_rest = anna
    html = admin_client.get(reverse("admin:enquiries_enquiry_change", args=[first.pk])).content
    html = html.decode()
    assert f'href="{reverse(EXPORT)}?ids={first.pk}"' in html
    assert f'href="{reverse(ERASE)}?ids={first.pk}"' in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_erase_asks_for_confirmation_first(admin_client, anna, language):
    first, second, other = anna
    with translation.override(language):
        url = reverse(ERASE) + f"?ids={first.pk}"
    response = admin_client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    html = response.content.decode()
    assert first.reference in html and second.reference in html
    assert other.reference not in html
    assert ("确定清除" if language == "zh-hans" else "This cannot be undone") in html
    assert Enquiry.objects.filter(anonymised_at__isnull=False).count() == 0


def test_erase_anonymises_all_of_that_investor_and_logs_no_personal_data(admin_client, anna):
    first, second, other = anna
    response = admin_client.post(reverse(ERASE) + f"?ids={first.pk}")
    assert response.status_code == 302
    assert response.url == reverse(CHANGELIST)
    for enquiry in (first, second):
        enquiry.refresh_from_db()
        assert enquiry.anonymised_at is not None
        assert (enquiry.name, enquiry.email, enquiry.internal_notes) == ("", "", "")
        assert enquiry.country == "DE" and enquiry.desk.name == "Europe"
    assert not Notification.objects.filter(enquiry=first).exists()
    other.refresh_from_db()
    assert other.name == "Kim Min-jun" and other.anonymised_at is None
    assert LogEntry.objects.count() == 2
    assert not any(value in log_text() for value in PERSONAL)
    # Nothing left: a second erase finds nothing, and the change page offers no links.
    again = admin_client.get(reverse(ERASE) + f"?ids={first.pk}").content.decode()
    assert "no enquiry left" in again
    page = admin_client.get(reverse("admin:enquiries_enquiry_change", args=[first.pk]))
    assert reverse(ERASE) not in page.content.decode()


def test_erase_action_leads_to_the_confirmation(admin_client, anna):
    first, *_rest = anna
    response = admin_client.post(
        reverse(CHANGELIST), {"action": "erase_investor_data", "_selected_action": [first.pk]}
    )
    assert response.status_code == 302
    assert response.url == reverse(ERASE) + f"?ids={first.pk}"
    assert Enquiry.objects.filter(anonymised_at__isnull=False).count() == 0


def test_erase_needs_change_permission(client, anna, desks):
    from django.contrib.auth.models import Permission, User

    viewer = User.objects.create_user("viewer", password="a-long-viewer-password", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_enquiry"))
    desks[0].members.add(viewer)
    client.force_login(viewer)
    assert client.post(reverse(ERASE) + f"?ids={anna[0].pk}").status_code == 403
    assert export(client, anna[0]).status_code == 200


@pytest.mark.slow
def test_erase_confirmation_and_privacy_fieldset_are_valid_html(client, desks, anna, tmp_path):
    from .quality import describe_html_errors, validate_html

    first, *_rest = anna
    client.force_login(make_officer("lena", desks[0]))
    pages = {
        "erase confirmation": reverse(ERASE) + f"?ids={first.pk}",
        "nothing to erase": reverse(ERASE) + "?ids=",
        "enquiry change": reverse("admin:enquiries_enquiry_change", args=[first.pk]),
    }
    documents = {label: client.get(url).content.decode() for label, url in pages.items()}
    errors = describe_html_errors(validate_html(documents, tmp_path))
    assert not errors, errors


def test_list_filters_by_transfer_consent_and_anonymisation(admin_client, anna):
    from enquiries.privacy import anonymise

    first, second, other = anna
    Enquiry.objects.filter(pk=other.pk).update(cross_border_consent=True)
    anonymise(enquiries=Enquiry.objects.filter(pk=first.pk))

    def listed(**query):
        response = admin_client.get(reverse(CHANGELIST), query)
        return set(response.context["cl"].queryset)

    assert listed(cross_border_consent__exact="1") == {other}
    assert listed(personal_data="anonymised") == {first}
    assert listed(personal_data="kept") == {second, other}


def test_an_anonymised_enquiry_is_shown_read_only(admin_client, anna):
    from enquiries.privacy import anonymise

    first, *_rest = anna
    anonymise(enquiries=Enquiry.objects.filter(pk=first.pk))
    url = reverse("admin:enquiries_enquiry_change", args=[first.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="internal_notes"' not in page.content.decode()
    assert admin_client.post(url, {"status": "new"}).status_code == 403
