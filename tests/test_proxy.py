"""The client address behind 0, 1 or 2 proxies, and the deploy check on proxy hops."""

import pytest
from django.core.checks import Warning
from django.test import RequestFactory

from enquiries import ratelimit
from web.checks import proxy_hops_counted
from web.security import client_ip

from .test_deploy import manage

CLIENT = "203.0.113.5"
PROXY_1 = "198.51.100.10"  # the proxy nearest the client (e.g. a CDN)
PROXY_2 = "10.0.0.2"  # the proxy in front of gunicorn (e.g. nginx), seen as REMOTE_ADDR


def request(forwarded=None, remote=PROXY_2):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("hops", "forwarded", "remote", "expected"),
    [
        # No proxy: the connection is the client; a sent header is a lie.
        (0, None, CLIENT, CLIENT),
        (0, "192.0.2.66", CLIENT, CLIENT),
        # One proxy appends the address it saw.
        (1, CLIENT, PROXY_2, CLIENT),
        (1, f"192.0.2.66, {CLIENT}", PROXY_2, CLIENT),
        (1, f"192.0.2.66, 192.0.2.67,{CLIENT}", PROXY_2, CLIENT),
        # Two proxies: the client is second from the right.
        (2, f"{CLIENT}, {PROXY_1}", PROXY_2, CLIENT),
        (2, f"192.0.2.66, {CLIENT}, {PROXY_1}", PROXY_2, CLIENT),
        # A header too short to have passed both proxies: the connection's address.
        (2, CLIENT, PROXY_2, PROXY_2),
        (1, None, PROXY_2, PROXY_2),
        # Garbage where the proxy's entry should be is never taken as an address.
        (1, "192.0.2.66, not-an-address", PROXY_2, PROXY_2),
    ],
)
def test_client_address_honours_exactly_the_configured_hops(
    settings, hops, forwarded, remote, expected
):
    settings.PROXY_COUNT = hops
    assert client_ip(request(forwarded, remote)) == expected


def test_login_lockout_and_enquiry_limit_use_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.PROXY_COUNT = 2
    spoofed = request(f"192.0.2.66, {CLIENT}, {PROXY_1}")
    assert get_client_ip_address(spoofed) == CLIENT
    assert ratelimit._key(spoofed, "enquiry").endswith(f":{CLIENT}")


def test_check_warns_when_a_proxy_is_trusted_but_no_hop_counted(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.PROXY_COUNT = 0
    [warning] = proxy_hops_counted(None)
    assert isinstance(warning, Warning)
    assert warning.id == "web.W001"
    settings.PROXY_COUNT = 1
    assert proxy_hops_counted(None) == []


def test_check_is_quiet_without_a_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.PROXY_COUNT = 0
    assert proxy_hops_counted(None) == []


def test_check_deploy_fails_behind_a_proxy_with_no_hop_counted():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_PROXY_COUNT="0")
    assert result.returncode != 0
    assert "web.W001" in result.stderr
