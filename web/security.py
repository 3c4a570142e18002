"""Security helpers: Permissions-Policy header, client address, authentication log."""

import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
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
