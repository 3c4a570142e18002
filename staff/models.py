"""A staff user's own settings: the language the admin speaks to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def language_choices():
    from localisation import languages

    return [(code, languages.own_name(code)) for code in languages.codes()]


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    language = models.CharField(
        _("admin language"),
        max_length=15,
        choices=language_choices,
        help_text=_("The language of the admin's menus, labels and messages for this user."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)
