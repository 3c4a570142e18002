from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "background"
    verbose_name = _("Background work")

    def ready(self):
        # Each app declares its periodic jobs in a `jobs` module.
        autodiscover_modules("jobs")

        from django_tasks.signals import task_finished

        from .scheduler import record_finished

        task_finished.connect(record_finished, dispatch_uid="background.record_finished")
