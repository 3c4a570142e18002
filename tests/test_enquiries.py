"""The public enquiry form: stored, routed, pre-filled, protected from abuse."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry, RoutingRule

from .enquiry_helpers import default_desk, enquiry_data, make_desk, make_enquiry
from .factories import make_centre, make_event, make_park, make_policy, make_sector

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form_url(language="en", query=""):
    with translation.override(language):
        return reverse("enquiries:form") + query


def submit(client, language="en", query="", **fields):
    return client.post(form_url(language, query), enquiry_data(**fields))


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_page_answers_in_each_language(client, django_assert_num_queries, language):
    make_park()
    make_centre()
    make_sector()
    # Sectors, parks and centres fill the three choice lists.
    with django_assert_num_queries(3):
        response = client.get(form_url(language))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "style=" not in html and "<script" not in html
    if language == "zh-hans":
        assert "发送咨询" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_valid_enquiry_is_stored_with_language_and_reference(client, language):
    response = submit(client, language, name="王伟" if language == "zh-hans" else "Anna")
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.language == language
    assert enquiry.consent is True
    assert enquiry.reference == f"IQ-{enquiry.created_at.year}-{enquiry.pk:04d}"
    # No personal data in the thank-you address: only the signed reference.
    assert response.url.startswith(reverse("enquiries:thanks") + "?ref=IQ-")
    assert "Anna" not in response.url and "anna" not in response.url
    thanks = client.get(response.url)
    assert enquiry.reference in thanks.content.decode()


def test_references_are_unique_and_sequential():
    first, second = make_enquiry(), make_enquiry()
    assert first.reference != second.reference
    assert first.reference.startswith("IQ-") and len(first.reference) == len("IQ-2026-0001")


def test_thanks_page_without_an_enquiry_shows_no_reference(client):
    response = client.get(reverse("enquiries:thanks"))
    assert response.status_code == 200
    assert "IQ-" not in response.content.decode()


INVALID = [
    ("name", ""),
    ("name", "x" * 121),
    ("company", ""),
    ("company", "x" * 201),
    ("country", ""),
    ("country", "XX"),
    ("email", ""),
    ("email", "not-an-email"),
    ("phone", "call me maybe"),
    ("sector", "999999"),
    ("park", "999999"),
    ("centre", "999999"),
    ("stage", ""),
    ("stage", "tomorrow"),
    ("message", ""),
    ("message", "x" * 5001),
    ("contact_window", "midnight"),
    ("consent", ""),
]


@pytest.mark.parametrize(("field", "value"), INVALID)
def test_every_invalid_field_gives_a_form_error(client, field, value):
    response = submit(client, **{field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Enquiry.objects.exists()


def test_unpublished_park_cannot_be_chosen(client):
    draft = make_park(status="draft")
    response = submit(client, park=str(draft.pk))
    assert "park" in response.context["form"].errors


def test_oversized_message_error_is_translated(client):
    response = submit(client, "zh-hans", message="x" * 5001)
    assert "5000" in str(response.context["form"].errors["message"])
    assert "最多 5000 个字符" in response.content.decode()


def test_honeypot_is_accepted_silently_and_never_stored(client):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert mail.outbox == []
    assert "IQ-" not in client.get(response.url).content.decode()


def test_rate_limit_answers_429_with_a_friendly_page(client):
    for _number in range(5):
        assert submit(client).status_code == 302
    response = submit(client, "zh-hans")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "600"
    assert "请稍候" in response.content.decode()
    assert Enquiry.objects.count() == 5


def test_rate_limit_is_per_client(client):
    for _number in range(5):
        submit(client)
    other = client.post(form_url(), enquiry_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_form_errors_do_not_count_against_the_rate_limit(client):
    for _number in range(6):
        submit(client, email="wrong")
    assert submit(client).status_code == 302


def test_csrf_is_enforced():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(form_url(), enquiry_data())
    assert response.status_code == 403
    assert not Enquiry.objects.exists()


# Pre-filled links from detail pages


def test_park_link_prefills_the_park_and_records_the_source(client):
    park = make_park(slug="sino-german-eco-park")
    response = client.get(form_url(query="?park=sino-german-eco-park"))
    assert response.context["form"].initial == {"park": park}
    submit(client, query="?park=sino-german-eco-park", park=str(park.pk))
    assert Enquiry.objects.get().source == "park:sino-german-eco-park"


@pytest.mark.parametrize(
    "query",
    ["?park=unknown", "?park=", "?centre=%00%ff", "?sector=" + "x" * 5000, "?park=a&park=b"],
)
def test_bad_prefill_is_ignored(client, query):
    response = client.get(form_url(query=query))
    assert response.status_code == 200
    assert response.context["form"].initial == {}
    submit(client, query=query)
    assert Enquiry.objects.get().source == ""


def test_draft_park_is_not_prefilled(client):
    make_park(slug="secret-park", status="draft")
    assert client.get(form_url(query="?park=secret-park")).context["form"].initial == {}


def test_policy_link_prefills_its_only_park_and_sector(client):
    park, sector = make_park(), make_sector()
    policy = make_policy(slug="film-subsidy")
    policy.parks.add(park)
    policy.sectors.add(sector)
    response = client.get(form_url(query="?policy=film-subsidy"))
    assert response.context["form"].initial == {"park": park, "sector": sector}
    submit(client, query="?policy=film-subsidy")
    assert Enquiry.objects.get().source == "policy:film-subsidy"


def test_event_link_prefills_its_park_and_centre(client):
    park, centre = make_park(), make_centre()
    make_event(slug="qingdao-week", park=park, centre=centre)
    response = client.get(form_url(query="?event=qingdao-week"))
    assert response.context["form"].initial == {"park": park, "centre": centre}


def test_call_to_action_links_to_the_prefilled_form():
    from django.template.loader import render_to_string

    with translation.override("zh-hans"):
        html = render_to_string("includes/enquiry_cta.html", {"topic": "park", "slug": "eco-park"})
    assert 'href="/zh-hans/enquiry/?park=eco-park"' in html
    assert "发送咨询" in html


# Routing


def test_routing_by_country_goes_to_the_centre_serving_it(client):
    centre = make_centre(countries_served=["DE", "AT"])
    europe = make_desk("Europe")
    RoutingRule.objects.create(kind=RoutingRule.Kind.CENTRE, centre=centre, desk=europe)
    submit(client, country="AT")
    enquiry = Enquiry.objects.get()
    assert enquiry.desk == europe
    assert enquiry.status == Enquiry.Status.ASSIGNED


def test_routing_by_park_sector_and_priority(client):
    park, sector = make_park(), make_sector()
    parks, sectors = make_desk("Parks"), make_desk("Sectors")
    RoutingRule.objects.create(
        kind=RoutingRule.Kind.SECTOR, sector=sector, desk=sectors, priority=1
    )
    RoutingRule.objects.create(kind=RoutingRule.Kind.PARK, park=park, desk=parks, priority=2)
    submit(client, park=str(park.pk))
    submit(client, park=str(park.pk), sector=str(sector.pk))
    by_park, by_sector = Enquiry.objects.order_by("pk")
    assert by_park.desk == parks
    assert by_sector.desk == sectors


def test_routing_by_explicit_country(client):
    korea = make_desk("Korea")
    RoutingRule.objects.create(kind=RoutingRule.Kind.COUNTRY, country="KR", desk=korea)
    submit(client, country="KR")
    submit(client, country="JP")
    kr, jp = Enquiry.objects.order_by("pk")
    assert kr.desk == korea
    assert jp.desk == default_desk()


def test_rule_must_name_exactly_its_target():
    from django.core.exceptions import ValidationError

    rule = RoutingRule(kind=RoutingRule.Kind.PARK, country="DE", desk=default_desk())
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert set(error.value.message_dict) == {"park", "country"}


# Status lookup


def lookup(client, reference, email, language="en"):
    with translation.override(language):
        url = reverse("enquiries:status")
    return client.post(url, {"reference": reference, "email": email})


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_lookup_shows_only_the_matching_enquiry(client, language):
    enquiry = make_enquiry(email="anna@nordsee.example")
    make_enquiry(email="other@example.com", name="Someone Else")
    response = lookup(client, enquiry.reference.lower(), "ANNA@nordsee.example", language)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["enquiry"] == enquiry
    assert "Someone Else" not in html and "Anna" not in html
    assert ("新" if language == "zh-hans" else "New") in html


def test_status_lookup_answers_the_same_for_wrong_reference_or_email(client):
    enquiry = make_enquiry()
    wrong_email = lookup(client, enquiry.reference, "someone@else.example")
    wrong_reference = lookup(client, "IQ-2020-9999", enquiry.email)
    for response in (wrong_email, wrong_reference):
        assert response.status_code == 200
        assert response.context["enquiry"] is None
        assert response.context["not_found"] is True
        html = response.content.decode()
        assert "We found no enquiry with this reference and email address" in html
        # The status as a word of its own ("New", not the navigation's "News").
        status = rf"\b{re.escape(str(enquiry.get_status_display()))}\b"
        assert enquiry.name not in html and not re.search(status, html)


def test_status_lookup_is_rate_limited(client):
    for _number in range(10):
        lookup(client, "IQ-2020-0001", "guess@example.com")
    assert lookup(client, "IQ-2020-0001", "guess@example.com").status_code == 429


def test_every_enquiry_page_state_is_valid_html(client, tmp_path):
    from .quality import describe_html_errors, validate_html

    documents = {}
    for language in LANGUAGES:
        documents[f"form [{language}]"] = client.get(form_url(language)).content
        documents[f"form with errors [{language}]"] = submit(client, language, email="x").content
        submit(client, language)
        enquiry = Enquiry.objects.latest("pk")
        with translation.override(language):
            documents[f"thanks [{language}]"] = client.get(reverse("enquiries:thanks")).content
            documents[f"status [{language}]"] = client.get(reverse("enquiries:status")).content
        documents[f"status found [{language}]"] = lookup(
            client, enquiry.reference, enquiry.email, language
        ).content
        documents[f"status not found [{language}]"] = lookup(
            client, "IQ-2020-0001", enquiry.email, language
        ).content
    for _number in range(3):
        submit(client)
    too_many = submit(client)
    assert too_many.status_code == 429
    documents["rate limited"] = too_many.content
    results = validate_html({label: html.decode() for label, html in documents.items()}, tmp_path)
    errors = describe_html_errors(results)
    assert not errors, errors


def test_demo_desks_route_each_centres_countries_to_it(client):
    from django.core.management import call_command

    call_command("loaddata", "040_centres", "090_enquiry_desks", verbosity=0)
    call_command("loaddata", "090_enquiry_desks", verbosity=0)  # a second load changes nothing
    for country, desk in [("AT", "Germany desk"), ("MY", "Singapore desk"), ("BR", None)]:
        submit(client, country=country, cross_border_consent="yes")
        enquiry = Enquiry.objects.latest("pk")
        assert enquiry.desk.name == (desk or default_desk().name), country
    # The centres' desks are abroad: without the separate consent, Qingdao answers.
    submit(client, country="AT")
    assert Enquiry.objects.latest("pk").desk == default_desk()
    assert RoutingRule.objects.count() == 12


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_and_thanks_pages_use_few_queries(client, django_assert_num_queries, language):
    with translation.override(language):
        status_url, thanks_url = reverse("enquiries:status"), reverse("enquiries:thanks")
    with django_assert_num_queries(0):
        assert client.get(status_url).headers["Content-Language"] == language
    response = submit(client, language)
    assert response.url.startswith(thanks_url)
    # The reference is signed into the address: no session, no query.
    with django_assert_num_queries(0):
        assert "IQ-" in client.get(response.url).content.decode()


def test_rate_limit_counts_the_client_behind_our_proxy(client, settings):
    settings.PROXY_COUNT = 1
    for number in range(5):
        client.post(
            form_url(), enquiry_data(), HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.9"
        )
    # Same client (the address our proxy saw), whatever the client claims further left.
    response = client.post(form_url(), enquiry_data(), HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9")
    assert response.status_code == 429
    other = client.post(form_url(), enquiry_data(), HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert other.status_code == 302
