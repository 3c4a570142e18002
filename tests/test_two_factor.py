"""Staff sign-in: TOTP second factor, enrolment, recovery codes, HTTPS, per-name throttle."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from web.checks import admin_guarded

from . import production
from .browser import log_in, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.urls("portal.urls")]
PASSWORD = "a-long-editor-password"
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def required(settings):
    settings.ADMIN_REQUIRE_2FA = True
    return settings


@pytest.fixture
def staff():
    return User.objects.create_superuser("editor", "editor@example.com", PASSWORD)


def code(device):
    """The code the staff member's app shows now."""
    device.refresh_from_db()
    return totp_code(device.bin_key, after=device.last_t)


def unthrottle(device):
    """A wrong code makes the device wait a second before the next one: skip the wait."""
    device.refresh_from_db()
    device.throttle_reset()


def sign_in(client, username="editor", password=PASSWORD, address="203.0.113.5"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


# Second factor --------------------------------------------------------------------


def test_production_requires_the_second_factor_and_https():
    values = production.load()
    assert values["ADMIN_REQUIRE_2FA"] is True
    assert values["ADMIN_REQUIRE_HTTPS"] is True
    assert values["DEBUG"] is False


def test_staff_without_a_device_are_led_to_enrol(client, required, staff):
    assert sign_in(client).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/enrol/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    text = page.content.decode()
    assert "otpauth://totp/Invest%20Qingdao%3Aeditor?secret=" in text
    assert 'src="data:image/svg+xml' in text
    secret = re.search(r'<code id="secret">([A-Z2-7]+)</code>', text).group(1)
    import base64

    assert base64.b32decode(secret) == device.bin_key
    # A wrong code confirms nothing.
    assert client.post(page.request["PATH_INFO"], {"token": "000000"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    unthrottle(device)
    done = client.post("/admin/two-factor/enrol/", {"token": code(device), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_staff_with_a_device_enter_its_code(client, required, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.get("/admin/projects/park/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/?next=%2Fadmin%2Fprojects%2Fpark%2F"
    wrong = client.post("/admin/two-factor/", {"token": "123456", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "wrong or has expired" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    unthrottle(device)
    right = client.post(
        "/admin/two-factor/", {"token": code(device), "next": "/admin/projects/park/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/projects/park/"
    assert client.get("/admin/projects/park/").status_code == 200


def test_the_password_alone_never_enrols_a_second_device(client, required, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.get("/admin/two-factor/enrol/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/?")
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_recovery_code_signs_in_once(client, required, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    device = StaticDevice.objects.create(user=staff, name="Recovery codes")
    device.token_set.create(token="recovery1")
    sign_in(client)
    assert client.post("/admin/two-factor/", {"token": "recovery1"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client)
    assert client.post("/admin/two-factor/", {"token": "recovery1"}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_next_never_leaves_the_site(client, required, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.post(
        "/admin/two-factor/", {"token": code(device), "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == "/admin/"


def test_without_the_setting_the_demo_says_it_is_off(client, settings, staff):
    settings.ADMIN_REQUIRE_2FA = False
    client.force_login(staff)
    page = client.get("/admin/")
    assert page.status_code == 200
    assert 'id="two-factor-off"' in page.content.decode()
    settings.ADMIN_REQUIRE_2FA = True
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    assert client.get("/admin/").status_code == 302


def test_admin_is_only_served_over_https_when_required(client, settings, staff):
    settings.ADMIN_REQUIRE_HTTPS = True
    response = client.get("/admin/login/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/login/"
    assert client.get("/admin/login/", secure=True).status_code == 200
    # Public pages are not concerned.
    assert client.get("/en/").status_code == 200


def test_deploy_check_warns_when_the_admin_is_unguarded(settings):
    settings.DEBUG = False
    settings.ADMIN_REQUIRE_2FA = settings.ADMIN_REQUIRE_HTTPS = True
    assert admin_guarded(None) == []
    settings.ADMIN_REQUIRE_2FA = settings.ADMIN_REQUIRE_HTTPS = False
    assert {w.id for w in admin_guarded(None)} == {"web.W002", "web.W003"}


# Per-user-name throttle -----------------------------------------------------------


def guess_from_many_addresses(client, addresses=10, guesses=4):
    for host in range(addresses):
        for _guess in range(guesses):
            sign_in(client, password="wrong-password", address=f"198.51.100.{host + 1}")


def test_guesses_spread_over_many_addresses_do_not_get_in(client, settings, staff):
    guess_from_many_addresses(client)
    # Each address stayed under axes' per-address limit of 5.
    response = sign_in(client, address="192.0.2.200")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Tries refused by the brake were not counted as failures.
    failures = sum(AccessAttempt.objects.values_list("failures_since_start", flat=True))
    assert failures == settings.LOGIN_THROTTLE_FAILURES


def test_the_real_user_at_a_known_address_is_not_slowed(client, staff):
    assert sign_in(client, address="203.0.113.5").status_code == 302
    client.logout()
    guess_from_many_addresses(client)
    assert sign_in(client, address="203.0.113.5").status_code == 302


def test_a_new_address_waits_a_while_not_forever(client, staff):
    guess_from_many_addresses(client)
    assert sign_in(client, address="192.0.2.200").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - datetime.timedelta(minutes=14, seconds=59)
    )
    assert sign_in(client, address="192.0.2.200").status_code == 302


def test_other_user_names_are_not_slowed(client, staff):
    User.objects.create_user("officer", password=PASSWORD, is_staff=True)
    guess_from_many_addresses(client)
    assert sign_in(client, username="officer", address="192.0.2.200").status_code == 302


def test_a_lost_phone_is_replaced_after_a_recovery_code(client, required, staff):
    """A superuser deleted the lost authenticator; the recovery codes remain."""
    device = StaticDevice.objects.create(user=staff, name="Recovery codes")
    device.token_set.create(token="recovery2")
    sign_in(client)
    assert client.get("/admin/two-factor/enrol/").status_code == 302  # code first
    response = client.post("/admin/two-factor/", {"token": "recovery2", "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/enrol/")
    assert client.get(response["Location"]).status_code == 200
    totp_device = TOTPDevice.objects.get(user=staff, confirmed=False)
    done = client.post("/admin/two-factor/enrol/", {"token": code(totp_device)})
    assert done.status_code == 200
    assert TOTPDevice.objects.get(user=staff).confirmed


# In a browser, under the Content-Security-Policy ------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_enrolment_and_sign_in_in_a_browser(page, settings):
    from playwright.sync_api import expect

    settings.ADMIN_REQUIRE_2FA = True
    User.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    log_in(page, "editor", PASSWORD)
    assert "/admin/two-factor/enrol/" in page.url
    qr = page.get_by_role("img", name="QR code for the authenticator app")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0
    import base64

    key = base64.b32decode(page.locator("#secret").inner_text())
    page.fill("#id_token", totp_code(key))
    page.click("input[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continue to the admin").click()
    expect(page.locator("#site-name")).to_be_visible()
    assert page.url.endswith("/admin/")

    page.context.clear_cookies()
    log_in(page, "editor", PASSWORD)
    assert page.url.endswith("/admin/"), page.url
    expect(page.locator("#two-factor-off")).to_have_count(0)
    assert violations == []
