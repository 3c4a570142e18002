"""What a key figure holds: a number with a unit, its year and its source."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from localisation.units import Qualifier, Unit, measure


class Measured(models.Model):
    """A figure printed by the formatting helpers in each language, never stored as text."""

    value = models.DecimalField(
        _("value"),
        max_digits=20,
        decimal_places=4,
        help_text=_("The number alone, in the unit: 2600000000 for US$2.6 billion, 52 for 52 km²."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, blank=True, default=""
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1891), MaxValueValidator(2100)],
        help_text=_("The year the figure describes."),
    )
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    class Meta:
        abstract = True

    @property
    def display_value(self):
        """The figure in the active language: 26亿美元, US$2.6 billion."""
        return measure(self.value, self.unit, self.qualifier)
