"""Versions, history of really changed fields, compare, restore, draft changes, preview."""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.urls import reverse
from reversion.models import Version

from editorial import drafts
from editorial.models import DraftChanges
from projects.models import Park

from .editorial_helpers import submitted
from .factories import make_district, make_park, make_sector

pytestmark = pytest.mark.django_db

BODY_EN = "<p>A low-carbon park.</p>\n<p>German and European companies.</p>"
BODY_ZH = "<p>低碳园区。</p>\n<p>面向德国及欧洲企业。</p>"


def change_url(park, view="change", *args):
    return reverse(f"admin:projects_park_{view}", args=[park.pk, *args])


def save_in_admin(client, park, language="en", **changes):
    """Open the change form, change some fields, submit everything else as rendered."""
    html = client.get(change_url(park), headers={"accept-language": language}).content.decode()
    response = client.post(
        change_url(park),
        submitted(html, "park_form", **changes),
        headers={"accept-language": language},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


@pytest.fixture
def park(client, editor):
    """A live park with one version, as if it had been added in the admin."""
    with reversion.create_revision():
        park = make_park(district=make_district(), body_en=BODY_EN, body_zh_hans=BODY_ZH)
        park.sectors.add(make_sector())
        reversion.set_user(editor)
    return park


def test_every_admin_save_keeps_a_version_with_its_author(client, editor, park):
    save_in_admin(client, park, summary_en="A new summary.")
    found = Version.objects.get_for_object(park)
    assert len(found) == 2
    assert [version.revision.user for version in found] == [editor, editor]
    assert found[0].field_dict["summary_en"] == "A new summary."


def test_first_edit_of_an_older_record_keeps_it_as_it_was(client, editor):
    park = make_park(summary_en="Loaded from the demo.")
    save_in_admin(client, park, summary_en="Edited.")
    edited, baseline = versions_of(park)
    assert baseline.field_dict["summary_en"] == "Loaded from the demo."
    assert baseline.revision.get_comment() == "As it was before versions were kept."
    assert edited.field_dict["summary_en"] == "Edited."


def test_unchanged_description_is_not_reported_as_changed(client, editor, park):
    # The defect: "Changed Description [en], Description [zh-hans]" when only the
    # address and the phone changed (the textarea comes back with CR LF line ends).
    save_in_admin(
        client,
        park,
        address_en="1 Eco Road",
        address_zh_hans="生态路1号",
        contact_phone="+86 532 0000 0000",
    )
    entry = LogEntry.objects.filter(object_id=str(park.pk)).first()
    message = entry.get_change_message()
    assert "Address" in message and "Contact phone" in message
    assert "Description" not in message
    history = client.get(change_url(park, "history")).content.decode()
    assert "address (English)" in history and "contact phone" in history
    assert "description" not in history.split("Changed fields")[1]


def test_history_in_chinese_names_fields_and_languages(client, editor, park):
    save_in_admin(client, park, "zh-hans", summary_zh_hans="新的简介。")
    html = client.get(change_url(park, "history"), headers={"accept-language": "zh-hans"})
    text = html.content.decode()
    assert "简介（简体中文）" in text
    assert "比较所选的两个版本" in text


def test_history_query_count_does_not_grow_with_versions(
    client, editor, park, django_assert_max_num_queries
):
    for number in range(4):
        save_in_admin(client, park, summary_en=f"Summary {number}.")
    with django_assert_max_num_queries(12):
        assert client.get(change_url(park, "history")).status_code == 200


def versions_of(park):
    return list(Version.objects.get_for_object(park))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_compare_marks_changes_per_field_and_language(client, editor, park, language):
    save_in_admin(
        client,
        park,
        summary_zh_hans="中德生态园的新简介。",
        address_en="1 Eco Road",
        address_zh_hans="生态路1号",
    )
    newer, older = versions_of(park)
    response = client.get(
        change_url(park, "compare"),
        {"from": older.pk, "to": newer.pk},
        headers={"accept-language": language},
    )
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    text = response.content.decode()
    label = {"en": "Summary (Simplified Chinese)", "zh-hans": "简介（简体中文）"}[language]
    assert label in text
    assert "<del>park-" in text and "<ins>中德生态园的新</ins>简介。" in text
    assert "<ins>1 Eco Road</ins>" in text
    changed = text.split("<tbody>")[1].split("</tbody>")[0]
    assert "Summary (English)" not in changed and "简介（英语）" not in changed


def test_compare_bad_input_never_fails(client, editor, park):
    other = make_park()
    save_in_admin(client, other)
    foreign = versions_of(other)[0]
    (own,) = versions_of(park)
    assert client.get(change_url(park, "compare"), {"from": "x", "to": "1"}).status_code == 302
    assert client.get(change_url(park, "compare")).status_code == 302
    response = client.get(change_url(park, "compare"), {"from": own.pk, "to": foreign.pk})
    assert response.status_code == 404
    response = client.get(change_url(park, "compare"), {"from": own.pk, "to": "9" * 30})
    assert response.status_code == 404
    assert client.get(change_url(park, "restore", int("9" * 30))).status_code == 404
    assert client.post(change_url(park, "restore", foreign.pk)).status_code == 404


def test_restore_asks_first_then_saves_a_new_version(client, editor, park):
    save_in_admin(client, park, summary_en="A worse summary.")
    newest, first = versions_of(park)
    confirm = client.get(change_url(park, "restore", first.pk))
    assert confirm.status_code == 200
    assert "A worse summary." in confirm.content.decode()
    park.refresh_from_db()
    assert park.summary_en == "A worse summary."
    response = client.post(change_url(park, "restore", first.pk))
    assert response.status_code == 302
    park.refresh_from_db()
    assert park.summary_en == first.field_dict["summary_en"]
    assert park.status == Park.Status.PUBLISHED
    restored = versions_of(park)
    assert len(restored) == 3 and restored[0].revision.user == editor


def test_restore_refuses_to_put_missing_translations_live(client, editor):
    park = make_park(status=Park.Status.DRAFT, name_en="", summary_en="")
    with reversion.create_revision():
        park.save()
    save_in_admin(
        client, park, name_en="Eco-Park", summary_en="A park.", status=Park.Status.PUBLISHED
    )
    first = versions_of(park)[-1]
    response = client.post(change_url(park, "restore", first.pk))
    assert response.status_code == 302 and response.url == change_url(park, "history")
    park.refresh_from_db()
    assert park.name_en == "Eco-Park"


def test_officer_cannot_restore(client, park):
    officer = User.objects.create_user("officer", password="x-long-password", is_staff=True)
    officer.groups.add(Group.objects.get(name="Investment officer"))
    client.force_login(officer)
    first = versions_of(park)[0]
    assert client.post(change_url(park, "restore", first.pk)).status_code == 403


def test_draft_changes_leave_the_public_page_alone(client, editor, park):
    save_in_admin(client, park, summary_en="Not yet public.", _save_draft="1")
    park.refresh_from_db()
    assert park.summary_en != "Not yet public."
    assert DraftChanges.objects.get().author == editor
    public = client.get(park.get_absolute_url())
    assert "Not yet public." not in public.content.decode()
    form = client.get(change_url(park)).content.decode()
    assert "Not yet public." in form
    assert "Live + draft changes" in form
    listing = client.get(reverse("admin:projects_park_changelist")).content.decode()
    assert "Live + draft changes" in listing
    # Saving normally puts the draft live and drops it.
    save_in_admin(client, park)
    park.refresh_from_db()
    assert park.summary_en == "Not yet public."
    assert not DraftChanges.objects.exists()
    assert drafts.state(park) == drafts.State.LIVE


def test_draft_changes_keep_sectors_aside(client, editor, park):
    other = make_sector()
    save_in_admin(client, park, sectors=[str(other.pk)], _save_draft="1")
    assert list(park.sectors.all()) != [other]
    form = client.get(change_url(park)).content.decode()
    assert f'<option value="{other.pk}" selected>' in form


def test_draft_changes_are_a_version_marked_as_such(client, editor, park):
    save_in_admin(client, park, summary_en="Drafted.", _save_draft="1")
    newest = versions_of(park)[0]
    assert newest.field_dict["summary_en"] == "Drafted."
    history = client.get(change_url(park, "history")).content.decode()
    assert "Draft changes" in history


def test_discarding_draft_changes(client, editor, park):
    save_in_admin(client, park, summary_en="Drafted.", _save_draft="1")
    response = client.post(change_url(park, "discard_draft"))
    assert response.status_code == 302
    assert not DraftChanges.objects.exists()


def test_a_draft_record_saves_normally_even_with_the_draft_button(client, editor):
    park = make_park(status=Park.Status.DRAFT)
    save_in_admin(client, park, summary_en="Saved.", _save_draft="1")
    park.refresh_from_db()
    assert park.summary_en == "Saved." and not DraftChanges.objects.exists()


def test_change_list_states_in_one_query_per_page(client, editor, django_assert_num_queries):
    url = reverse("admin:projects_park_changelist")
    make_park()
    client.get(url)
    one = count_queries(client, url)
    for _number in range(3):
        make_park(status=Park.Status.DRAFT)
    with django_assert_num_queries(one):
        client.get(url)


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_diff_of_a_rewritten_chinese_sentence_reads_as_one_change():
    from editorial.versions import inline_diff

    assert inline_diff("面向德国及欧洲企业的低碳园区。", "中德两国政府合作的园区。") == (
        "<del>面向德国及欧洲企业的低碳</del><ins>中德两国政府合作的</ins>园区。"
    )
    assert inline_diff("For German companies.", "For German and European companies.") == (
        "For German <ins>and European </ins>companies."
    )
    assert inline_diff("<p>a & b</p>", "<p>a &amp; c</p>").count("<script") == 0
    assert "&lt;p&gt;" in inline_diff("<p>x</p>", "<p>y</p>")


@pytest.mark.parametrize("kind", ["park", "policy", "event"])
def test_draft_payload_round_trips_every_kind_of_field(editor, kind):
    from . import factories

    record = getattr(factories, f"make_{kind}")()
    if kind == "park":
        record.countries = ["DE", "KR"]
        record.area_km2 = "11.60"
    fields = drafts.drafted_fields(type(record))
    expected = {field.attname: field.value_from_object(record) for field in fields}
    drafts.keep(record=record, m2m={"sectors": [make_sector().pk]}, author=editor)
    fresh = type(record).objects.get(pk=record.pk)
    m2m = drafts.overlay(fresh, drafts.draft_for(fresh))
    found = {field.attname: field.value_from_object(fresh) for field in fields}
    assert {k: str(v) for k, v in found.items()} == {k: str(v) for k, v in expected.items()}
    assert len(m2m["sectors"]) == 1
