"""Third-party admin sections (django-axes' sign-in records) for superusers only."""

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

THIRD_PARTY_APPS = {"axes": _("Sign-in attempts")}


class SuperusersOnly:
    """Whatever permissions a staff user was given, only superusers see the section."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return request.user.is_superuser and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


def restrict_third_party_sections(site=admin.site):
    for model, model_admin in list(site._registry.items()):
        if model._meta.app_label in THIRD_PARTY_APPS and not isinstance(
            model_admin, SuperusersOnly
        ):
            site.unregister(model)
            site.register(
                model, type(type(model_admin).__name__, (SuperusersOnly, type(model_admin)), {})
            )
    for label, name in THIRD_PARTY_APPS.items():
        if apps.is_installed(label):
            apps.get_app_config(label).verbose_name = name


restrict_third_party_sections()
