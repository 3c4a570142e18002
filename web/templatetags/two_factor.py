from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def two_factor_required():
    """Whether the admin asks staff for a second factor (off in the demo)."""
    return settings.ADMIN_REQUIRE_2FA
