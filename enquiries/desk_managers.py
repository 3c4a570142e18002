"""A desk's managers see its performance: the permission follows `Desk.managers`.

A permission, rather than a look-up of the managed desks, lets the admin decide
whether to show the page's link with the permissions it has already loaded.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .models import Desk

PERMISSION = "enquiries.view_desk_performance"


def performance_permission():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def sync_performance_permission():
    """Give the permission to every desk manager and take it from everyone else."""
    permission = performance_permission()
    if permission is None:  # before the first migrate has created the permissions
        return
    managers = get_user_model().objects.filter(managed_desks__isnull=False).distinct()
    permission.user_set.set(managers)


@receiver(m2m_changed, sender=Desk.managers.through)
def managers_changed(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        sync_performance_permission()
