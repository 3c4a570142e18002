from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from localisation import languages
from projects.content_types import PublicType, StaffAccess, own_topic

from .figure import Measured
from .place import Place
from .publishable import Publishable


class Park(Publishable, Place):
    """An industrial park, development zone, pilot zone or innovation park."""

    class Kind(models.TextChoices):
        INDUSTRIAL_PARK = "industrial_park", _("Industrial park")
        DEVELOPMENT_ZONE = "development_zone", _("Development zone")
        PILOT_ZONE = "pilot_zone", _("Pilot zone")
        FREE_TRADE_ZONE = "free_trade_zone", _("Free trade zone")
        DEMONSTRATION_ZONE = "demonstration_zone", _("Demonstration zone")
        INNOVATION_PARK = "innovation_park", _("Innovation park")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    district = models.ForeignKey(
        "projects.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="parks",
        null=True,
        blank=True,
    )
    # The partner countries the record belongs to: listed on their country pages.
    countries = CountryField(
        _("partner countries"),
        multiple=True,
        blank=True,
        help_text=_("Shown on these countries' pages, e.g. Germany for the Sino-German Eco-Park."),
    )
    sectors = models.ManyToManyField(
        "projects.Sector", verbose_name=_("sectors"), related_name="parks", blank=True
    )
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("description"), blank=True)
    established_year = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1891), MaxValueValidator(2100)],
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    images = GenericRelation("images.Image")

    public = PublicType(
        key="park",
        path="parks",
        label=_("Parks"),
        position=10,
        sitemap_priority=0.7,
        enquiry=own_topic("park"),
        list_view="projects.views.park_list",
        detail_view="projects.views.park_detail",
        list_queries=6,
        # park, figures, sectors, images, policies, events, stories; its sites, drive times,
        # the nodes
        detail_queries=10,
    )

    class Meta:
        verbose_name = _("park")
        verbose_name_plural = _("parks")
        ordering = ["-is_featured", "slug"]
        indexes = [
            models.Index(fields=["status", "-is_featured", "slug"], name="park_public_order"),
            # The typed park field's suggestions (selectors.park_suggestions): no sort of
            # every published park on each form.
            models.Index(
                fields=["status", "-is_featured", "-area_km2", "slug"],
                name="park_suggestion_order",
            ),
        ]


class ParkFigureManager(models.Manager):
    def get_by_natural_key(self, park_slug, position):
        return self.get(park__slug=park_slug, position=position)


class ParkFigure(Measured):
    """A key figure of a park: 11.6 km², more than 200 companies."""

    park = models.ForeignKey(
        Park, verbose_name=_("park"), on_delete=models.CASCADE, related_name="figures"
    )
    label = models.CharField(_("label"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ParkFigureManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["park", "position"], name="unique_park_figure_position")
        ]

    def __str__(self):
        return f"{self.display_value} {self.label}"

    def clean(self):
        super().clean()
        # Like its park's draft, a figure may start in any one language.
        columns = [build_localized_fieldname("label", code) for code in languages.codes()]
        if not any((getattr(self, column, "") or "").strip() for column in columns):
            raise ValidationError(
                {columns[0]: _("Give the figure a label in at least one language.")}
            )

    def natural_key(self):
        return (*self.park.natural_key(), self.position)

    natural_key.dependencies = ["projects.park"]
