from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """When the scheduler last enqueued a periodic job, and when a worker last finished it.

    Kept in the database so that any number of schedulers agree on what is due.
    """

    name = models.CharField(_("job"), max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")
        ordering = ["name"]

    def __str__(self):
        return self.name
