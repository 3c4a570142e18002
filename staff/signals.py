from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import selectors
from .middleware import remember


@receiver(user_logged_in, dispatch_uid="staff.remember_admin_language")
def remember_admin_language(sender, request, user, **kwargs):
    """Read the admin language at sign-in, so admin pages need no query for it."""
    if request is not None and hasattr(request, "session") and user.is_staff:
        remember(request, selectors.admin_language(user))
