"""Sectors, districts and the city's headline figures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.content_types import StaffAccess

from .figure import Measured
from .publishable import SlugNaturalKeyMixin


class TaxonomyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Taxonomy(SlugNaturalKeyMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TaxonomyManager()
    staff = StaffAccess()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class Sector(Taxonomy):
    # The sector page's case for Qingdao (`/<lang>/sectors/<slug>/`).
    profile = models.TextField(
        _("why Qingdao"),
        blank=True,
        help_text=_("The sector page's case for investing in this industry in Qingdao."),
    )

    class Meta(Taxonomy.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class District(Taxonomy):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        COUNTY_CITY = "county_city", _("County-level city")
        NEW_AREA = "new_area", _("New area")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class CityFigure(Measured, Taxonomy):
    """A headline figure about the city, shown on the home page."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("city figure")
        verbose_name_plural = _("city figures")

    def __str__(self):
        return f"{self.display_value} {self.name}"
