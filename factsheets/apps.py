import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsheetsConfig(AppConfig):
    name = "factsheets"
    verbose_name = _("PDF fact sheets")

    def ready(self):
        # WeasyPrint logs each rendering step at INFO: keep the worker's log to what matters.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
