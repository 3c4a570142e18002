"""The enquiry form keeps what is the same for everyone (its options, the HTML of the fields
that show nothing of the visitor); tokens, pre-filled choices and a sent form's values and
errors are rendered for each request and never kept."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from enquiries.forms import EnquiryForm
from web.fragment_memory import memory

from .enquiry_helpers import enquiry_data
from .factories import make_centre, make_park, make_sector

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans"]
TOKENS = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]*)"')
# The three option lists of a form not yet sent: sectors, park suggestions, centres.
COLD_QUERIES = 3


def form_url(language="en", query=""):
    with translation.override(language):
        return reverse("enquiries:form") + query


def tokens(html):
    return dict(TOKENS.findall(html))


def without_tokens(html):
    return TOKENS.sub(r'name="\1" value=""', html)


def park_box(html):
    return re.search(r'<input type="text" name="park"[^>]*>', html).group(0)


@pytest.fixture
def content(commits):
    return commits(
        lambda: {
            "park": make_park(name_en="Harbour zone", name_zh_hans="港区", slug="harbour"),
            "centre": make_centre(name_en="Frankfurt office", slug="frankfurt"),
            "sector": make_sector(name_en="Marine economy", slug="marine"),
        }
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_warm_form_reads_no_sql_and_is_the_same_page(
    client, content, django_assert_num_queries, language
):
    url = form_url(language)
    with django_assert_num_queries(COLD_QUERIES):
        cold = client.get(url).content.decode()
    with django_assert_num_queries(0):
        warm = client.get(url).content.decode()
    assert without_tokens(warm) == without_tokens(cold)
    assert "Harbour zone" in warm if language == "en" else "港区" in warm


def test_a_first_visits_form_is_kept_whole_and_a_prefilled_one_field_by_field(
    client, content, monkeypatch
):
    from web import fragments

    asked = []
    real = fragments.cached
    monkeypatch.setattr(
        fragments, "cached", lambda name, *args: asked.append(name) or real(name, *args)
    )
    client.get(form_url())
    asked.clear()
    client.get(form_url())
    assert "enquiry-fields" in asked and "enquiry-field" not in asked
    asked.clear()
    client.get(form_url("en", "?park=harbour"))
    assert "enquiry-fields" not in asked and "enquiry-field" in asked


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_preselected_park_is_the_visitors_alone(client, content, language):
    name = "Harbour zone" if language == "en" else "港区"
    plain = park_box(client.get(form_url(language)).content.decode())
    chosen = client.get(form_url(language, "?park=harbour")).content.decode()
    assert f'value="{name}"' in park_box(chosen)
    assert 'value="' not in plain
    # The next visitor, without the link, meets an empty box again.
    assert park_box(client.get(form_url(language)).content.decode()) == plain


def test_a_preselected_centre_is_selected_for_that_visitor_only(client, content):
    pk = content["centre"].pk
    selected = f'<option value="{pk}" selected>'
    assert selected in client.get(form_url("en", "?centre=frankfurt")).content.decode()
    assert selected not in client.get(form_url("en")).content.decode()
    assert selected in client.get(form_url("en", "?centre=frankfurt")).content.decode()


def test_tokens_differ_per_visitor_and_are_never_kept(client, content):
    other = Client()
    first = tokens(client.get(form_url()).content.decode())
    second = tokens(other.get(form_url()).content.decode())
    again = tokens(client.get(form_url()).content.decode())
    assert set(first) == {"csrfmiddlewaretoken", "submission_token"}
    assert first["csrfmiddlewaretoken"] != second["csrfmiddlewaretoken"]
    # A submission token is issued per form, even to the same visitor.
    assert len({first["submission_token"], second["submission_token"]}) == 2
    assert again["submission_token"] != first["submission_token"]
    kept = "".join(str(value) for _expires, value in memory.entries.values())
    assert kept, "the form keeps its fields"
    for value in [*first.values(), *second.values(), "csrfmiddlewaretoken"]:
        assert value not in kept


def test_a_sent_form_with_errors_shows_its_values_and_errors_to_its_visitor_only(client, content):
    url = form_url()
    client.get(url)
    data = enquiry_data(name="Ada Visitor", email="not an email", company="Ada Shipping")
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Ada Visitor"' in html and 'value="Ada Shipping"' in html
    assert 'aria-invalid="true"' in html and "Please correct the fields marked below." in html
    fresh = client.get(url).content.decode()
    assert "Ada" not in fresh and 'aria-invalid="true"' not in fresh


def test_a_sent_form_still_validates_against_published_records(content):
    form = EnquiryForm(enquiry_data(sector=content["sector"].pk, centre=content["centre"].pk))
    assert form.is_valid(), form.errors
    bad = EnquiryForm(enquiry_data(sector=999999, country="XX"))
    assert not bad.is_valid()
    assert set(bad.errors) >= {"sector", "country"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_edited_options_show_at_once(client, content, commits, language):
    url = form_url(language)
    client.get(url)
    centre, sector = content["centre"], content["sector"]

    def edit():
        centre.name_en = centre.name_zh_hans = "Munich office 慕尼黑"
        centre.save()
        sector.name_en = sector.name_zh_hans = "Blue economy 蓝色经济"
        sector.save()
        make_park(name_en="New harbour", name_zh_hans="新港区", slug="new-harbour")

    commits(edit)
    html = client.get(url).content.decode()
    assert "Munich office 慕尼黑" in html
    assert "Blue economy 蓝色经济" in html
    assert ("New harbour" if language == "en" else "新港区") in html


def test_each_language_keeps_its_own_options(client, content):
    english = client.get(form_url("en")).content.decode()
    chinese = client.get(form_url("zh-hans")).content.decode()
    assert "Please choose" in english and "请选择" not in english
    assert "请选择" in chinese and "港区" in chinese and "Harbour zone" not in chinese
