"""Project checks for `manage.py check --deploy`: settings that are unsafe together."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def proxy_hops_counted(app_configs, **kwargs):
    """Trusting a proxy's X-Forwarded-Proto but counting no proxy makes every visitor one
    address: a stranger's failed logins lock staff out, one visitor's enquiries rate-limit all."""
    if settings.SECURE_PROXY_SSL_HEADER and settings.PROXY_COUNT < 1:
        return [
            Warning(
                "The site trusts a proxy (DJANGO_BEHIND_PROXY) but DJANGO_PROXY_COUNT is 0, "
                "so every visitor has the proxy's address.",
                hint="Set DJANGO_PROXY_COUNT to the number of proxies that append to "
                "X-Forwarded-For (1 for one nginx or load balancer).",
                id="web.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def admin_guarded(app_configs, **kwargs):
    """Production's admin needs HTTPS and a second factor; only the demo turns them off."""
    if settings.DEBUG:
        return []
    problems = []
    if not settings.ADMIN_REQUIRE_2FA:
        problems.append(
            Warning(
                "Staff sign in to the admin without a second factor.",
                hint="Leave DJANGO_ADMIN_REQUIRE_2FA unset (or 1) in production.",
                id="web.W002",
            )
        )
    if not settings.ADMIN_REQUIRE_HTTPS:
        problems.append(
            Warning(
                "The admin can be reached over plain HTTP.",
                hint="Leave DJANGO_ADMIN_REQUIRE_HTTPS unset (or 1) in production.",
                id="web.W003",
            )
        )
    return problems
