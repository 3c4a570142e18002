from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Investment content")

    def ready(self):
        from projects.content_types import sync_staff_groups

        # Every app's signal, so each model's permissions exist when its rights are given.
        post_migrate.connect(sync_staff_groups, dispatch_uid="projects.sync_staff_groups")
