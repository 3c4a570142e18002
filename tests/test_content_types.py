"""Every content type declared on its model (projects.content_types) is everywhere it must
be: search, sitemap, navigation, feeds, the enquiry form, the page inventory within its
budgets, and the staff groups' permissions, which survive a database flush."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from enquiries.prefill import prefill
from projects import inventory
from projects.content_types import EDITOR, OFFICER, public_types, staff_models

from .pages import warm_up
from .quality import make_sample_content

pytestmark = pytest.mark.django_db
TYPES = [declared.key for declared in public_types()]


@pytest.fixture
def records():
    """One published record of every content type, by key."""
    slugs = make_sample_content()
    return {key: public_type.published().get(slug=slugs[key]) for key, public_type in _types()}


def _types():
    return [(declared.key, declared) for declared in public_types()]


def test_the_portal_declares_its_content_types():
    core = ["park", "policy", "event", "centre"]
    assert [key for key in TYPES if key in core] == core
    assert "site" in TYPES  # an app of its own joins the same way (siting)
    for declared in public_types():
        assert declared.model.public.key == declared.key


def test_search_finds_every_type(records):
    # Every sample record's summary reads "Summary of <slug>.".
    from .search_index import found, url

    urls = set(found("Summary of"))
    assert urls == {url(record) for record in records.values()}


def test_search_ranks_a_name_above_a_summary():
    from .factories import make_park
    from .search_index import found, url

    in_summary = make_park(summary={"en": "Next to the harbour."})
    in_name = make_park(name={"en": "Harbour park"})
    assert found("harbour") == [url(in_name), url(in_summary)]


def test_sitemap_lists_every_type(client, records):
    xml = client.get("/sitemap.xml").content.decode()
    for declared in public_types():
        assert reverse(declared.list_url_name) in xml
        assert records[declared.key].get_absolute_url() in xml


def test_navigation_links_every_list_page(client):
    html = client.get("/en/").content.decode()
    for declared in public_types():
        if declared.in_navigation:
            assert f'href="{reverse(declared.list_url_name)}"' in html


@pytest.mark.parametrize("key", [d.key for d in public_types() if d.feed])
def test_declared_feeds_answer(client, records, key):
    declared = next(d for d in public_types() if d.key == key)
    response = client.get(reverse(declared.feed_url_name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


@pytest.mark.parametrize("key", [d.key for d in public_types() if d.enquiry])
def test_enquiry_form_is_prefilled_from_every_topic(client, records, key):
    slug = records[key].slug
    assert prefill({key: slug})[1] == f"{key}:{slug}"
    assert client.get(reverse("enquiries:form"), {key: slug}).status_code == 200


def test_inventory_lists_each_type_and_every_page_keeps_its_budget(
    client, records, django_assert_max_num_queries
):
    labels = [page.label for page in inventory.pages()]
    for key in TYPES:
        assert f"{key} list" in labels and f"{key} detail" in labels
    slugs = {key: record.slug for key, record in records.items()}
    for label, url in inventory.public_pages(slugs):
        warm_up(client, url)
        with django_assert_max_num_queries(inventory.page(label).queries):
            assert client.get(url).status_code == 200, label


def test_staff_groups_have_the_rights_of_every_declared_model():
    editor, officer = Group.objects.get(name=EDITOR), Group.objects.get(name=OFFICER)
    models = dict(staff_models())
    assert {declared.model for declared in public_types()} <= set(models)
    for model, access in models.items():
        name = model._meta.model_name
        editor_rights = set(
            editor.permissions.filter(content_type__model=name).values_list("codename", flat=True)
        )
        actions = access.editor_actions or ("add", "change", "delete", "view")
        assert editor_rights == {f"{action}_{name}" for action in actions}
        assert officer.permissions.filter(codename=f"view_{name}").exists() == bool(access.readers)
        assert not officer.permissions.filter(codename=f"change_{name}").exists()


@pytest.mark.django_db(transaction=True)
def test_staff_groups_come_back_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    editor = Group.objects.get(name=EDITOR)
    for declared in public_types():
        assert editor.permissions.filter(codename=f"change_{declared.model._meta.model_name}")
