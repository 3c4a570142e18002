"""Security helpers: Permissions-Policy and CSP headers, client address, authentication log."""

import ipaddress
import logging
from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.signals import setting_changed
from django.dispatch import receiver

from .logs import logged_username

logger = logging.getLogger("web.auth")


class PermissionsPolicyMiddleware:
    """Turns off browser features the portal never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# What a view or decorator sets on a response to change or drop its policy.
POLICY_CHANGES = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)
POLICY_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")


@cache
def settings_policies():
    """{header: policy} of the settings' policies as they are (no nonce, nothing changed)."""
    built = {HEADER: build_policy(), HEADER_REPORT_ONLY: build_policy(report_only=True)}
    return {header: policy for header, policy in built.items() if policy}


@receiver(setting_changed)
def forget_policies(setting, **kwargs):
    if setting in POLICY_SETTINGS:
        settings_policies.cache_clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; a response that used no nonce and changed nothing gets the
    settings' policy built once, not on every request (a fifth of a cached page's answer)."""

    def process_response(self, request, response):
        if not self.is_plain(request, response):
            return super().process_response(request, response)
        for header, policy in settings_policies().items():
            response.setdefault(header, policy)
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def is_plain(request, response):
        excludes = any(
            (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            for name in POLICY_SETTINGS
        )
        return not (
            settings.DEBUG
            or excludes
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in POLICY_CHANGES)
        )


def client_ip(request):
    """The visitor's address; the only place the portal derives it (lock-out, rate limits, logs).

    Each of the PROXY_COUNT proxies in front appends the address it received the
    request from to X-Forwarded-For, so the client is exactly that many entries
    from the right. Anything further left is whatever the client chose to send
    and is ignored. With no proxy (0), or a header too short to have passed
    through every proxy, the connection's own address is used.
    """
    count = settings.PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if count > 0 and len(forwarded) >= count and _is_address(forwarded[-count]):
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def _is_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info("login user=%s ip=%s", user.get_username(), request and client_ip(request))


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    name = user.get_username() if user else ""
    logger.info("logout user=%s ip=%s", name, request and client_ip(request))


@receiver(user_login_failed)
def log_login_failed(sender, credentials, request=None, **kwargs):
    # `credentials` has the password already masked by Django; log only the username,
    # and only a staff account's name as typed (see web.logs.logged_username).
    logger.warning(
        "login failed user=%s ip=%s",
        logged_username(credentials.get("username", "")),
        request and client_ip(request),
    )
