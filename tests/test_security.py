"""Security headers, cookies, Content-Security-Policy and the admin login lock-out."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from csp.decorators import csp_update
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.urls import path, reverse

from . import production
from .browser import log_in
from .factories import make_park

pytestmark = pytest.mark.django_db


def public_page(request):
    return HttpResponse("<!doctype html><title>Qingdao</title><p>Invest in Qingdao.</p>")


def page_with_a_script(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')


@csp_update({"img-src": ["https://tiles.example"]})
def page_with_tiles(request):
    return HttpResponse("<p>Map</p>")


urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("sample/", public_page),
        path("script/", page_with_a_script),
        path("tiles/", page_with_tiles),
    ),
]
PUBLIC_PAGE = "/en/sample/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Many logins here: a cheap hasher keeps the module quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def prod(settings):
    return production.apply_security(settings)


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response):
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    assert "upgrade-insecure-requests" in csp
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def assert_host_only_and_secure(cookie):
    """What the `__Host-` prefix requires: Secure, path /, no Domain."""
    assert cookie["secure"]
    assert cookie["path"] == "/"
    assert not cookie["domain"]


@pytest.mark.urls(__name__)
def test_public_page_headers(client, prod):
    response = client.get(PUBLIC_PAGE, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    # Nothing asked for a nonce, so none is sent.
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.urls(__name__)
def test_a_page_that_used_a_nonce_or_changed_the_policy_gets_its_own(client, prod):
    script = client.get("/en/script/", secure=True)
    nonce = script.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in csp_directives(script)["script-src"]
    tiles = client.get("/en/tiles/", secure=True)
    assert csp_directives(tiles)["img-src"] == ["'self'", "data:", "https://tiles.example"]
    # The plain page's policy, built once, is still the settings' own.
    assert "nonce-" not in client.get(PUBLIC_PAGE, secure=True)["Content-Security-Policy"]


@pytest.mark.urls(__name__)
def test_a_changed_setting_changes_the_policy(client, prod, settings):
    client.get(PUBLIC_PAGE, secure=True)
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "font-src": ["https://fonts.example"]}
    }
    assert csp_directives(client.get(PUBLIC_PAGE, secure=True))["font-src"] == [
        "https://fonts.example"
    ]


@pytest.mark.urls("portal.urls")
def test_site_pages_headers(client, prod):
    park = make_park()
    for address in ("/en/", f"/zh-hans/parks/{park.slug}/", "/en/search/?q=port"):
        response = client.get(address, secure=True)
        assert response.status_code == 200, address
        assert_security_headers(response)
        assert not response.cookies, address


@pytest.mark.urls("portal.urls")
def test_enquiry_page_headers_and_its_csrf_cookie(client, prod):
    response = client.get("/en/enquiry/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    cookie = response.cookies["__Host-csrftoken"]
    assert_host_only_and_secure(cookie)


@pytest.mark.urls(__name__)
def test_admin_login_headers_and_host_only_cookies(client, prod):
    response = client.get(ADMIN_LOGIN, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)
    cookie = response.cookies["__Host-csrftoken"]
    assert_host_only_and_secure(cookie)


@pytest.mark.urls(__name__)
def test_session_cookie_is_host_only_secure_and_httponly(client, prod):
    User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    response = login(client, "editor", "a-long-editor-password")
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    assert_host_only_and_secure(cookie)
    assert cookie["httponly"]


@pytest.mark.urls(__name__)
def test_plain_http_is_redirected_unless_the_proxy_says_https(client, prod):
    response = client.get(PUBLIC_PAGE)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{PUBLIC_PAGE}"
    forwarded = client.get(PUBLIC_PAGE, HTTP_X_FORWARDED_PROTO="https")
    assert forwarded.status_code == 200


# Admin login lock-out ---------------------------------------------------------------

PASSWORD = "a-long-editor-password"


def login(client, username, password, address="203.0.113.5"):
    return client.post(
        ADMIN_LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        secure=True,
    )


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def fail_five_times(client, username="editor", address="203.0.113.5"):
    for _attempt in range(5):
        login(client, username, "wrong-password", address)


def test_login_is_locked_after_five_failures(client, editor):
    for _attempt in range(4):
        assert login(client, "editor", "wrong-password").status_code == 200
    assert login(client, "editor", "wrong-password").status_code == 429
    # Locked: even the right password is refused now.
    assert login(client, "editor", PASSWORD).status_code == 429


def test_lockout_is_per_username_and_address(client, editor):
    User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    fail_five_times(client)
    assert login(client, "editor", PASSWORD, address="198.51.100.9").status_code == 302
    client.logout()
    assert login(client, "officer", PASSWORD).status_code == 302


def test_lockout_expires_after_fifteen_minutes(client, editor):
    fail_five_times(client)
    attempt = AccessAttempt.objects.get(username="editor")
    attempt.attempt_time -= datetime.timedelta(minutes=14)
    attempt.save()
    assert login(client, "editor", PASSWORD).status_code == 429
    attempt.refresh_from_db()
    attempt.attempt_time -= datetime.timedelta(minutes=16)
    attempt.save()
    assert login(client, "editor", PASSWORD).status_code == 302


def test_proxy_address_is_used_only_for_trusted_proxies(client, editor, settings):
    settings.PROXY_COUNT = 1
    for spoofed in range(5):
        client.post(
            ADMIN_LOGIN,
            {"username": "editor", "password": "wrong-password"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{spoofed}, 203.0.113.5",
        )
    # Changing the spoofable left-hand part did not spread the failures over addresses.
    assert AccessAttempt.objects.get(username="editor").ip_address == "203.0.113.5"


def test_authentication_events_are_logged(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="web.auth")
    login(client, "editor", "wrong-password")
    login(client, "editor", PASSWORD)
    client.post(reverse("admin:logout"), secure=True)
    messages = [r.getMessage() for r in caplog.records if r.name == "web.auth"]
    assert messages == [
        "login failed user=editor ip=203.0.113.5",
        "login user=editor ip=203.0.113.5",
        "logout user=editor ip=127.0.0.1",
    ]
    assert "wrong-password" not in caplog.text


# The admin under the policy, in a real browser ---------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_works_under_the_content_security_policy(page):
    from playwright.sync_api import expect

    User.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    park = make_park()
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )

    log_in(page, "admin", PASSWORD)
    for address in [
        "/admin/",
        "/admin/projects/park/",
        "/admin/projects/park/add/",
        f"/admin/projects/park/{park.pk}/change/",
        "/admin/projects/event/add/",
    ]:
        page.goto(address)
    # The languages of a field stand side by side, the rich-text editor is scripted.
    expect(page.locator("#id_name_zh_hans")).to_be_visible()
    expect(page.locator(".prose-editor [contenteditable=true]").first).to_be_visible()
    assert violations == []

    # The listener does catch a violation when there is one.
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://elsewhere.invalid/x.png\">')"
    )
    page.wait_for_timeout(200)
    assert violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_break_no_rule_of_the_policy(page):
    from .factories import make_centre, make_event, make_policy
    from .quality import public_pages
    from .siting_helpers import make_site

    slugs = {
        "park": make_park().slug,
        "policy": make_policy().slug,
        "event": make_event().slug,
        "centre": make_centre().slug,
        "site": make_site().slug,
    }
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    # The templates are shared by both languages: one of them is enough here.
    for _label, address in public_pages(slugs, ["zh-hans"]):
        page.goto(address)
    assert violations == []
