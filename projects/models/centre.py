from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from projects.content_types import PublicType, own_topic

from .place import Place
from .publishable import Publishable


class OverseasCentre(Publishable, Place):
    """One of the city's business centres or trade offices abroad."""

    class Kind(models.TextChoices):
        BUSINESS_CENTRE = "business_centre", _("Overseas business centre")
        TRADE_OFFICE = "trade_office", _("Trade office")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.BUSINESS_CENTRE
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    summary = models.TextField(_("summary"), max_length=600)
    services = models.TextField(_("services"), blank=True)
    established_year = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1949), MaxValueValidator(2100)],
    )
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    countries_served = CountryField(
        _("countries served"),
        multiple=True,
        blank=True,
        help_text=_("Enquiries from these countries are routed to this centre."),
    )
    images = GenericRelation("images.Image")

    public = PublicType(
        key="centre",
        path="centres",
        label=_("Overseas centres"),
        position=40,
        search_fields={"name": 3, "summary": 2, "services": 1, "city": 1},
        sitemap_changefreq="monthly",
        enquiry=own_topic("centre"),
        list_view="projects.views.centre_list",
        detail_view="projects.views.centre_detail",
        list_queries=1,
        detail_queries=3,
    )

    class Meta:
        verbose_name = _("overseas business centre")
        verbose_name_plural = _("overseas business centres")
        ordering = ["kind", "slug"]
