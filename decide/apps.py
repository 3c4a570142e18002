from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecideConfig(AppConfig):
    name = "decide"
    verbose_name = _("Compare and incentive finder")
