"""Site-selection data: available sites (载体), logistics nodes, cost and workforce indicators."""

import calendar
import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.content_types import Feed, PublicType, StaffAccess
from projects.models.place import Place
from projects.models.publishable import Publishable, SlugNaturalKeyMixin

POSITIVE = [MinValueValidator(Decimal(0))]


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class LogisticsNode(SlugNaturalKeyMixin, Place):
    """A port area, airport, rail centre, station or expressway junction on the map."""

    class Kind(models.TextChoices):
        PORT = "port", _("Port")
        AIRPORT = "airport", _("Airport")
        RAIL_FREIGHT = "rail_freight", _("Rail container centre")
        RAIL_STATION = "rail_station", _("High-speed rail station")
        EXPRESSWAY = "expressway", _("Expressway junction")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("logistics node")
        verbose_name_plural = _("logistics nodes")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.has_location:
            raise ValidationError(_("A logistics node needs its latitude and longitude."))


class AvailableSite(Publishable, Place):
    """A plot or building that an investor can buy or rent now or soon."""

    class Kind(models.TextChoices):
        LAND = "land", _("Land plot")
        FACTORY = "factory", _("Standard factory")
        OFFICE = "office", _("Office")
        WAREHOUSE = "warehouse", _("Warehouse")
        LABORATORY = "laboratory", _("Laboratory")
        INCUBATOR = "incubator", _("Incubator space")

    class Availability(models.TextChoices):
        AVAILABLE = "available", _("Available")
        RESERVED = "reserved", _("Reserved")
        LET = "let", _("Let or sold")

    class PriceBasis(models.TextChoices):
        RENT_M2_MONTH = "rent_m2_month", _("rent per m² per month")
        RENT_M2_DAY = "rent_m2_day", _("rent per m² per day")
        SALE_M2 = "sale_m2", _("sale price per m²")
        LAND_MU = "land_mu", _("land price per mu")
        SALE_TOTAL = "sale_total", _("sale price in total")

    class Tenure(models.TextChoices):
        LEASE = "lease", _("Lease")
        SALE = "sale", _("Sale")
        LAND_USE_RIGHT = "land_use_right", _("Land-use right transfer")

    class LandUse(models.TextChoices):
        INDUSTRIAL = "industrial", _("Industrial")
        WAREHOUSING = "warehousing", _("Warehousing and logistics")
        RESEARCH = "research", _("Research and development")
        COMMERCIAL = "commercial", _("Commercial and office")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, db_index=True)
    park = models.ForeignKey(
        "projects.Park",
        verbose_name=_("park"),
        on_delete=models.PROTECT,
        related_name="available_sites",
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        "projects.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="available_sites",
        null=True,
        blank=True,
        help_text=_("Filled from the park when left empty."),
    )
    sectors = models.ManyToManyField(
        "projects.Sector", verbose_name=_("sectors"), related_name="available_sites", blank=True
    )
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("description"), blank=True)
    area_m2 = models.DecimalField(
        _("area (m²)"), max_digits=12, decimal_places=2, validators=POSITIVE, db_index=True
    )
    price = models.DecimalField(
        _("price or rent"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
        help_text=_("In yuan (RMB), on the basis chosen beside it."),
    )
    price_basis = models.CharField(
        _("price basis"), max_length=20, choices=PriceBasis.choices, blank=True
    )
    tenure = models.CharField(_("tenure"), max_length=20, choices=Tenure.choices, blank=True)
    term_years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    land_use = models.CharField(_("land use"), max_length=20, choices=LandUse.choices, blank=True)
    power_kva = models.PositiveIntegerField(_("power capacity (kVA)"), null=True, blank=True)
    water_t_day = models.PositiveIntegerField(_("water (t/day)"), null=True, blank=True)
    gas_m3_hour = models.PositiveIntegerField(_("natural gas (m³/hour)"), null=True, blank=True)
    steam_t_hour = models.DecimalField(
        _("steam (t/hour)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    wastewater_t_day = models.PositiveIntegerField(
        _("wastewater treatment (t/day)"), null=True, blank=True
    )
    floor_load_t_m2 = models.DecimalField(
        _("floor load (t/m²)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    clear_height_m = models.DecimalField(
        _("clear height (m)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    dock_doors = models.PositiveSmallIntegerField(_("dock doors"), null=True, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
        db_index=True,
        help_text=_("Let or sold sites leave the list but keep their page, with a notice."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    images = GenericRelation("images.Image")

    public = PublicType(
        key="site",
        path="sites",
        label=_("Sites"),
        position=15,
        feed=Feed(
            title=_("Invest Qingdao: available sites"),
            description=_(
                "Land, factories, offices, warehouses and laboratories ready for investors."
            ),
            # Let sites keep their page but are no longer news.
            items=lambda published: published.exclude(availability="let").order_by("-created_at"),
        ),
        # The enquiry names the site and its park (routing rules by park take it).
        enquiry=lambda site: {"site": site, "park": site.park},
        list_view="siting.views.site_list",
        detail_view="siting.views.site_detail",
        namespace="siting",
        # nodes, parks, districts, sectors, count, the page of sites
        list_queries=6,
        # site, sectors, images, drive times, nodes, indicators
        detail_queries=6,
        # The costs page (the indicators, one query) and its estimate: no record of its own.
        pages=(("costs", "siting:costs", 1),),
    )

    class Meta:
        verbose_name = _("available site")
        verbose_name_plural = _("available sites")
        ordering = ["slug"]
        # The list (by slug, its default order) and its count read this index alone.
        indexes = [
            models.Index(
                fields=["status", "slug", "availability", "publish_at"], name="site_listed"
            )
        ]

    def get_absolute_url(self):
        return reverse("siting:site_detail", kwargs={"slug": self.slug})

    @property
    def is_land(self):
        return self.kind == self.Kind.LAND

    @property
    def is_let(self):
        return self.availability == self.Availability.LET

    def save(self, *args, **kwargs):
        if self.park_id and not self.district_id:
            self.district_id = self.park.district_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (self.price is None) != (not self.price_basis):
            raise ValidationError({"price_basis": _("Give the price and its basis together.")})


class DriveTimeManager(models.Manager):
    def get_by_natural_key(self, node, site, park):
        return self.get(node__slug=node, site__slug=site or None, park__slug=park or None)


class DriveTime(models.Model):
    """The typical drive from a site or park to a node, where an editor knows it."""

    node = models.ForeignKey(
        LogisticsNode, verbose_name=_("logistics node"), on_delete=models.CASCADE
    )
    site = models.ForeignKey(
        AvailableSite,
        verbose_name=_("available site"),
        on_delete=models.CASCADE,
        related_name="drive_times",
        null=True,
        blank=True,
    )
    park = models.ForeignKey(
        "projects.Park",
        verbose_name=_("park"),
        on_delete=models.CASCADE,
        related_name="drive_times",
        null=True,
        blank=True,
    )
    minutes = models.PositiveSmallIntegerField(_("typical drive (minutes)"))

    objects = DriveTimeManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("drive time")
        verbose_name_plural = _("drive times")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(site__isnull=False) ^ models.Q(park__isnull=False),
                name="drive_time_from_site_or_park",
            )
        ]

    def __str__(self):
        return f"{self.site or self.park} – {self.node}: {self.minutes}"

    def natural_key(self):
        site = self.site.slug if self.site_id else ""
        park = self.park.slug if self.park_id else ""
        return (self.node.slug, site, park)

    natural_key.dependencies = ["siting.logisticsnode", "siting.availablesite", "projects.park"]


class Indicator(SlugNaturalKeyMixin, models.Model):
    """A cost or workforce figure: value with unit, the date it describes and its source."""

    class Kind(models.TextChoices):
        WAGE = "wage", _("Average wage")
        MINIMUM_WAGE = "minimum_wage", _("Minimum wage")
        SOCIAL_INSURANCE = "social_insurance", _("Social insurance, employer's share")
        HOUSING_FUND = "housing_fund", _("Housing fund, employer's share")
        ELECTRICITY = "electricity", _("Industrial electricity tariff")
        WATER = "water", _("Industrial water tariff")
        GAS = "gas", _("Industrial natural gas tariff")
        STEAM = "steam", _("Industrial steam tariff")
        OFFICE_RENT = "office_rent", _("Office rent")
        FACTORY_RENT = "factory_rent", _("Factory rent")
        LAND_PRICE = "land_price", _("Industrial land price")
        WORKING_AGE = "working_age", _("Working-age population")
        GRADUATES = "graduates", _("Graduates per year")
        UNIVERSITIES = "universities", _("Universities")
        EXCHANGE_RATE = "exchange_rate", _("Exchange rate, yuan per US dollar")

    class Level(models.TextChoices):
        ENTRY = "entry", _("Entry level")
        SKILLED = "skilled", _("Skilled worker")
        ENGINEER = "engineer", _("Engineer")
        MANAGER = "manager", _("Manager")

    class Unit(models.TextChoices):
        CNY_MONTH = "cny_month", _("yuan per month")
        PERCENT = "percent", _("per cent of wages")
        CNY_KWH = "cny_kwh", _("yuan per kWh")
        CNY_TONNE = "cny_tonne", _("yuan per tonne")
        CNY_M3 = "cny_m3", _("yuan per m³")
        CNY_M2_MONTH = "cny_m2_month", _("yuan per m² per month")
        CNY_MU = "cny_mu", _("yuan per mu")
        PEOPLE = "people", _("people")
        COUNT = "count", _("number")
        CNY_PER_USD = "cny_per_usd", _("yuan per US dollar")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("indicator"), max_length=20, choices=Kind.choices, db_index=True)
    level = models.CharField(
        _("occupation level"), max_length=10, choices=Level.choices, blank=True
    )
    sector = models.ForeignKey(
        "projects.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "projects.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, validators=POSITIVE)
    unit = models.CharField(_("unit"), max_length=15, choices=Unit.choices)
    as_of = models.DateField(
        _("dated"), help_text=_("The day the figure describes or was published.")
    )
    source_name = models.CharField(_("source"), max_length=200)
    source_url = models.URLField(_("source link"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SlugManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("cost or workforce indicator")
        verbose_name_plural = _("cost and workforce indicators")
        ordering = ["kind", "position", "slug"]

    def __str__(self):
        parts = [self.get_kind_display()]
        parts += [
            str(part) for part in (self.get_level_display(), self.sector, self.district) if part
        ]
        return " · ".join(str(part) for part in parts)

    @property
    def year(self):
        return self.as_of.year

    @property
    def is_stale(self):
        return is_stale(self.as_of)


def stale_before(today=None):
    """The oldest date still current: FIGURE_MAX_AGE_MONTHS months before today."""
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 - settings.FIGURE_MAX_AGE_MONTHS
    year, month = divmod(months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(today.day, last_day))


def is_stale(as_of, today=None):
    """Older than FIGURE_MAX_AGE_MONTHS: the admin flags it for an update."""
    return as_of < stale_before(today)


def year_is_stale(year, today=None):
    """A figure that names only its year is taken as of the year's last day."""
    return year is not None and is_stale(datetime.date(year, 12, 31), today)
