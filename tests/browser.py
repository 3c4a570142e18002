"""Playwright driving Debian's Chromium against Django's live test server."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by the test itself (set-up, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser page whose relative URLs resolve against the live server."""
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username, password):
    """Sign in to the admin through its login form, as a person does.

    When the admin asks for a second factor, the code the user's authenticator
    app would show is entered too.
    """
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    if "/admin/two-factor/" in page.url and "/enrol/" not in page.url:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.fill("#id_token", totp_code(device.bin_key, after=device.last_t))
        page.click("input[type=submit]")
        page.wait_for_load_state()


def totp_code(key, after=-1, step=30, digits=6):
    """The code an authenticator app shows for `key`, for a time step later than `after`.

    A code is accepted once: the next step's code (within the device's tolerance
    of one step) lets a test sign in twice within 30 seconds.
    """
    import time

    from django_otp.oath import totp

    now = int(time.time()) // step
    drift = 1 if after >= now else 0
    return f"{totp(key, step=step, digits=digits, drift=drift):0{digits}d}"


def open_park_as_editor(page):
    """A superuser signs in and opens a new park's change page; returns the park."""
    from django.contrib.auth.models import User

    from .factories import make_park

    User.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")
    park = make_park(name_en="Sino-German Eco-Park", name_zh_hans="中德生态园")
    log_in(page, "editor", "a-long-editor-password")
    page.goto(f"/admin/projects/park/{park.pk}/change/")
    return park
