from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .desk import Desk


class WorkingDayAdjustment(models.Model):
    """A day staff declare working or not, over the holiday library (e.g. next year's 调休)."""

    country = CountryField(_("country"), default="CN")
    date = models.DateField(_("date"))
    is_working_day = models.BooleanField(
        _("working day"),
        help_text=_("Ticked: a working day (e.g. a weekend day worked); empty: a day off."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("adjusted working day")
        verbose_name_plural = _("adjusted working days")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["country", "date"], name="one_adjustment_per_day")
        ]

    def __str__(self):
        kind = _("working day") if self.is_working_day else _("day off")
        return f"{self.date:%Y-%m-%d} {self.country.code}: {kind}"


class DeskPerformance(Desk):
    """The desks' response figures, shown in the admin to their managers."""

    class Meta:
        proxy = True
        verbose_name = _("desk performance")
        verbose_name_plural = _("desk performance")
        default_permissions = ()
        # Held by exactly the desks' managers (kept in step by `desk_managers`).
        permissions = [("view_desk_performance", _("Can see the performance of managed desks"))]
