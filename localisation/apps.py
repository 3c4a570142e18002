from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalisationConfig(AppConfig):
    name = "localisation"
    verbose_name = _("Localisation")
