"""Whole-page cache for anonymous visitors: hits, conditional GET, invalidation."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path, reverse

from projects.models import Park
from web.caching import reads_query

from .factories import make_centre, make_event, make_park, make_policy
from .quality import public_pages
from .siting_helpers import make_site

renders = []


@reads_query
def park_list(request):
    """Stands in for any public page that reads published content."""
    renders.append(request.path)
    names = ", ".join(p.name for p in Park.objects.published().order_by("slug"))
    return HttpResponse(f"<!doctype html><title>Parks</title><p>{names}</p>")


def form_page(request):
    return HttpResponse(f"<form><input value='{get_token(request)}'></form>")


def session_page(request):
    request.session["seen"] = True
    return HttpResponse("hello")


urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("parks/", park_list),
        path("form/", form_page),
        path("session/", session_page),
        path("enquiry/", park_list),
    ),
]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture(autouse=True)
def no_renders_yet():
    renders.clear()


def test_second_request_is_served_from_the_cache(client):
    make_park(name_en="Blue Silicon Valley")
    first = client.get("/en/parks/")
    second = client.get("/en/parks/")
    assert renders == ["/en/parks/"]
    assert second.content == first.content
    assert "X-Cache" not in first
    assert second["X-Cache"] == "hit"
    assert b"Blue Silicon Valley" in second.content


def test_a_process_serves_a_page_it_stored_from_its_own_memory(client, cache_reads):
    """A stored page's key holds its generations, so its page never changes."""
    client.get("/en/parks/")
    reads = cache_reads()
    assert client.get("/en/parks/")["X-Cache"] == "hit"
    asked = [str(read[0]) for read in reads]
    assert asked and not [key for key in asked if "public-page:" in key]


def test_a_page_another_release_stored_is_not_replayed(client, settings):
    client.get("/en/parks/")
    settings.RELEASE = "next"
    assert "X-Cache" not in client.get("/en/parks/")
    assert client.get("/en/parks/")["X-Cache"] == "hit"
    assert renders == ["/en/parks/", "/en/parks/"]


def test_every_request_renders_with_the_page_cache_off(client, settings):
    # What the benchmark measures: the uncached path, with the cache backend still real.
    settings.PUBLIC_PAGE_CACHE = False
    make_park(name_en="Blue Silicon Valley")
    client.get("/en/parks/")
    second = client.get("/en/parks/")
    assert renders == ["/en/parks/", "/en/parks/"]
    assert "X-Cache" not in second and "Last-Modified" not in second


def test_cached_pages_set_no_cookie_and_no_vary(client):
    for response in (client.get("/en/parks/"), client.get("/en/parks/")):
        assert not response.cookies
        assert "Set-Cookie" not in response
        assert "Vary" not in response
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["Content-Type"] == "text/html; charset=utf-8"


def test_hits_keep_the_security_headers(client):
    client.get("/en/parks/")
    hit = client.get("/en/parks/")
    assert hit["X-Cache"] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in hit


def test_languages_and_query_strings_are_cached_apart(client):
    client.get("/en/parks/")
    client.get("/zh-hans/parks/")
    client.get("/en/parks/?page=2")
    assert renders == ["/en/parks/", "/zh-hans/parks/", "/en/parks/"]


def test_conditional_get(client):
    first = client.get("/en/parks/")
    assert first["ETag"]
    assert first["Last-Modified"]
    # A hit replays the stored ETag: the same page, the same tag.
    assert client.get("/en/parks/")["ETag"] == first["ETag"]
    for headers in (
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ):
        again = client.get("/en/parks/", **headers)
        assert again.status_code == 304
        assert again.content == b""
    changed = client.get("/en/parks/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_saving_content_clears_the_cache(client, django_capture_on_commit_callbacks):
    park = make_park(name_en="Old name")
    client.get("/en/parks/")
    park.name_en = "New name"
    with django_capture_on_commit_callbacks(execute=True):
        park.save()
    response = client.get("/en/parks/")
    assert b"New name" in response.content
    assert len(renders) == 2


def test_deleting_content_clears_the_cache(client, django_capture_on_commit_callbacks):
    park = make_park(name_en="Soon gone")
    client.get("/en/parks/")
    with django_capture_on_commit_callbacks(execute=True):
        park.delete()
    assert b"Soon gone" not in client.get("/en/parks/").content


def test_publishing_from_the_admin_clears_the_cache(client, django_capture_on_commit_callbacks):
    draft = make_park(name_en="Draft park", status=Park.Status.DRAFT)
    assert b"Draft park" not in client.get("/en/parks/").content
    editor = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    staff = client.__class__()
    staff.force_login(editor)
    for action, expected in (("publish", True), ("unpublish", False)):
        with django_capture_on_commit_callbacks(execute=True):
            response = staff.post(
                reverse("admin:projects_park_changelist"),
                {"action": action, "_selected_action": [draft.pk]},
            )
        assert response.status_code == 302
        assert (b"Draft park" in client.get("/en/parks/").content) is expected


@pytest.mark.parametrize("address", ["/en/form/", "/en/session/"])
def test_pages_that_set_a_cookie_are_not_cached(client, address):
    first = client.get(address)
    assert first.cookies
    client.cookies.clear()
    assert "X-Cache" not in client.get(address)


def test_enquiry_pages_are_never_cached(client):
    client.get("/en/enquiry/")
    client.get("/en/enquiry/")
    assert renders == ["/en/enquiry/", "/en/enquiry/"]


def test_visitors_with_a_session_get_a_fresh_page(client, admin_user):
    client.get("/en/parks/")
    client.force_login(admin_user)
    response = client.get("/en/parks/")
    assert "X-Cache" not in response
    assert len(renders) == 2


def test_admin_pages_are_not_cached(client):
    client.get("/admin/login/")
    assert "X-Cache" not in client.get("/admin/login/")


def test_posts_are_not_cached(client):
    client.get("/en/parks/")
    assert "X-Cache" not in client.post("/en/parks/")


# The site's own pages -----------------------------------------------------------------


@pytest.fixture
def site_pages():
    slugs = {
        "park": make_park().slug,
        "policy": make_policy().slug,
        "event": make_event().slug,
        "centre": make_centre().slug,
        "site": make_site().slug,
    }
    # The enquiry pages are the ones that must not be cached (tested below).
    return [(label, url) for label, url in public_pages(slugs) if "/enquiry/" not in url]


@pytest.mark.urls("portal.urls")
def test_every_public_page_is_cached_and_cookie_free(client, site_pages, django_assert_num_queries):
    for label, url in site_pages:
        first = client.get(url)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert first.status_code == second.status_code == 200, label
        assert second["X-Cache"] == "hit", label
        assert second.content == first.content, label
        for response in (first, second):
            assert not response.cookies, label
            assert "Vary" not in response, label
            assert response["Cache-Control"] == "public, max-age=60", label


@pytest.mark.urls("portal.urls")
def test_the_enquiry_form_is_never_cached(client):
    for _visit in range(2):
        response = client.get("/en/enquiry/")
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "csrftoken" in response.cookies


@pytest.mark.urls("portal.urls")
def test_publishing_shows_on_the_park_list_at_once(
    client, admin_client, django_capture_on_commit_callbacks
):
    draft = make_park(name_en="Lingang Data Park", status=Park.Status.DRAFT)
    park_list = "/en/parks/"
    assert b"Lingang Data Park" not in client.get(park_list).content
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:projects_park_changelist"),
            {"action": "publish", "_selected_action": [draft.pk]},
        )
    assert b"Lingang Data Park" in client.get(park_list).content


def page_entries():
    from django.core.cache import cache

    return [key for key in cache._cache if "public-page:" in key]


def test_host_and_port_variants_map_to_one_entry(client):
    for host in ("testserver", "TESTSERVER", "testserver:80", "testserver:8081", "testserver:1"):
        assert client.get("/en/parks/", HTTP_HOST=host).status_code == 200
    assert len(page_entries()) == 1
    assert client.get("/en/parks/", HTTP_HOST="TestServer")["X-Cache"] == "hit"


def test_unknown_query_parameters_add_no_entries(client):
    for number in range(20):
        assert client.get(f"/en/parks/?utm_source=mail{number}").status_code == 200
    client.get("/en/parks/?" + "page=2&" * 100)
    assert page_entries() == []
    client.get("/en/parks/?sector=a&page=2")
    assert client.get("/en/parks/?page=2&sector=a")["X-Cache"] == "hit"
    assert len(page_entries()) == 1


@pytest.mark.urls("portal.urls")
def test_a_query_on_a_page_that_reads_none_adds_no_entry(client):
    park = make_park()
    detail = park.get_absolute_url()
    for number in range(3):
        assert client.get(f"{detail}?page={number}").status_code == 200
    assert page_entries() == []
    client.get(detail)
    assert client.get(detail)["X-Cache"] == "hit"
    client.get("/en/parks/?page=2")
    assert client.get("/en/parks/?page=2")["X-Cache"] == "hit"


@pytest.mark.urls("portal.urls")
def test_site_filters_and_the_estimate_are_cached_by_their_query(client):
    site = make_site()
    for url in (
        "/en/sites/?kind=factory&power_min=2000&within_km=30&sort=area",
        f"{site.get_absolute_url()}?entry=20&engineer=6&power_kwh=500000&floor_m2=5000",
        "/zh-hans/costs/?entry=10&manager=2",
    ):
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Cache"] == "hit", url
    assert len(page_entries()) == 3
