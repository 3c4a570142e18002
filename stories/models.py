"""What tells the investor's side: stories, news, bilateral figures, the set-up guide,
and the email subscriptions that keep an investor informed."""

from datetime import datetime, time

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from projects.content_types import Feed, PublicType, StaffAccess
from projects.models.figure import Measured
from projects.models.publishable import Publishable, SlugNaturalKeyMixin
from projects.models.taxonomy import TaxonomyManager


class Story(Publishable):
    """A company that came to Qingdao: what it did, when, and with what figures."""

    name = models.CharField(_("company"), max_length=200)
    title = models.CharField(_("headline"), max_length=200)
    country = CountryField(_("country"), help_text=_("Where the company comes from."))
    sector = models.ForeignKey(
        "projects.Sector", models.PROTECT, verbose_name=_("sector"), related_name="stories"
    )
    park = models.ForeignKey(
        "projects.Park",
        models.SET_NULL,
        verbose_name=_("park"),
        related_name="stories",
        null=True,
        blank=True,
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1949), MaxValueValidator(2100)]
    )
    summary = models.TextField(_("what they did"), max_length=600)
    body = models.TextField(_("story"), blank=True)
    investment_usd = models.DecimalField(
        _("investment (US$)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    investment_cny = models.DecimalField(
        _("investment (yuan)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    jobs = models.PositiveIntegerField(_("jobs"), null=True, blank=True)
    area_m2 = models.PositiveIntegerField(_("area (m²)"), null=True, blank=True)
    quote = models.TextField(_("quote"), blank=True, help_text=_("Only a quote the sources give."))
    quote_by = models.CharField(_("quote by"), max_length=200, blank=True)
    images = GenericRelation("images.Image")

    public = PublicType(
        key="story",
        path="stories",
        label=_("Success stories"),
        position=50,
        search_fields={"name": 3, "title": 3, "summary": 2, "body": 1},
        enquiry=lambda story: {
            "park": story.park,
            "sector": story.sector,
            "country": story.country.code,
        },
        list_view="stories.views.story_list",
        detail_view="stories.views.story_detail",
        namespace="stories",
        list_queries=5,
        detail_queries=2,
    )

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")
        ordering = ["-year", "slug"]
        indexes = [models.Index(fields=["status", "-year", "slug"], name="story_public_order")]

    def get_absolute_url(self):
        return reverse("stories:story_detail", kwargs={"slug": self.slug})


class NewsItem(Publishable):
    """A dated article in both languages, with the records it is about."""

    name = models.CharField(_("headline"), max_length=200)
    date = models.DateField(_("date"), db_index=True)
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("article"), blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    sectors = models.ManyToManyField(
        "projects.Sector", verbose_name=_("sectors"), related_name="news", blank=True
    )
    parks = models.ManyToManyField(
        "projects.Park", verbose_name=_("parks"), related_name="news", blank=True
    )
    policies = models.ManyToManyField(
        "projects.Policy", verbose_name=_("policies"), related_name="news", blank=True
    )
    events = models.ManyToManyField(
        "projects.Event", verbose_name=_("events"), related_name="news", blank=True
    )
    countries = CountryField(_("partner countries"), multiple=True, blank=True)

    public = PublicType(
        key="news",
        path="news",
        label=_("News"),
        position=60,
        sitemap_changefreq="daily",
        feed=Feed(
            title=_("Invest Qingdao: news"),
            description=_("News for investors about Qingdao's parks, policies and partners."),
            items=lambda published: published.order_by("-date", "slug"),
            # Dated articles: published on their date, at nine in the morning.
            pubdate=lambda item: timezone.make_aware(datetime.combine(item.date, time(9))),
        ),
        list_view="stories.views.news_list",
        detail_view="stories.views.news_detail",
        namespace="stories",
        list_queries=3,
        detail_queries=5,
    )

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date", "slug"]
        indexes = [models.Index(fields=["status", "-date", "slug"], name="news_public_order")]

    def get_absolute_url(self):
        return reverse("stories:news_detail", kwargs={"slug": self.slug})


class BilateralFigure(SlugNaturalKeyMixin, Measured):
    """A figure about a partner country and Qingdao, only as a source gives it."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    country = CountryField(_("country"))
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    compare_projects = models.BooleanField(
        _("in the projects-by-country chart"),
        default=False,
        help_text=_("Tick for the count of investment projects, compared across countries."),
    )

    objects = TaxonomyManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("bilateral figure")
        verbose_name_plural = _("bilateral figures")
        ordering = ["country", "position", "slug"]

    def __str__(self):
        return f"{self.country.name}: {self.label}"


class GuideStep(Publishable):
    """One step of setting up a company in Qingdao, in the order an investor takes it."""

    rich_text_fields = ()

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("step"), max_length=200)
    summary = models.TextField(_("what it is"), max_length=800)
    office = models.CharField(_("office"), max_length=200)
    office_address = models.CharField(_("office address"), max_length=300, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=40, blank=True)
    office_url = models.URLField(_("office web site"), blank=True)
    documents = models.TextField(_("documents"), blank=True, help_text=_("One per line."))
    working_days = models.PositiveSmallIntegerField(
        _("time limit (working days)"), null=True, blank=True
    )
    fee = models.CharField(_("fee"), max_length=200, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    tips = models.TextField(_("tips"), blank=True)

    public = PublicType(
        key="step",
        path="how-to-invest",
        label=_("How to invest"),
        position=70,
        search_fields={"name": 3, "summary": 2, "office": 1, "tips": 1},
        sitemap_changefreq="monthly",
        # Linked from the home page and the pages of the investor's next step.
        in_navigation=False,
        list_view="stories.views.guide",
        detail_view="stories.views.guide_step",
        namespace="stories",
        # the steps
        list_queries=1,
        # the step, the steps around it
        detail_queries=2,
    )

    class Meta:
        verbose_name = _("set-up guide step")
        verbose_name_plural = _("set-up guide steps")
        ordering = ["position", "slug"]

    def get_absolute_url(self):
        return reverse("stories:step_detail", kwargs={"slug": self.slug})

    @property
    def document_list(self):
        return [line.strip() for line in self.documents.splitlines() if line.strip()]


class Subscription(models.Model):
    """An email address that asked for a digest about one sector, park or country."""

    class Topic(models.TextChoices):
        SECTOR = "sector", _("Sector")
        PARK = "park", _("Park")
        COUNTRY = "country", _("Country")

    email = models.EmailField(_("email"))
    topic = models.CharField(_("topic"), max_length=10, choices=Topic.choices)
    key = models.CharField(_("sector, park or country"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    # Investors' email addresses: editors view and delete them, nobody else sees them,
    # and no public page shows them.
    staff = StaffAccess(readers=(), editor_actions=("view", "delete"), on_public_pages=False)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "topic", "key"], name="one_subscription")
        ]

    def __str__(self):
        return f"{self.topic}:{self.key}"


class SectorFigureManager(models.Manager):
    def get_by_natural_key(self, sector_slug, position):
        return self.get(sector__slug=sector_slug, position=position)


class SectorFigure(Measured):
    """A key figure of one industry in Qingdao, with its year and source."""

    sector = models.ForeignKey(
        "projects.Sector", models.CASCADE, verbose_name=_("sector"), related_name="figures"
    )
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SectorFigureManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("sector figure")
        verbose_name_plural = _("sector figures")
        ordering = ["sector", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sector", "position"], name="one_figure_per_position")
        ]

    def __str__(self):
        return self.label

    def natural_key(self):
        return (*self.sector.natural_key(), self.position)

    natural_key.dependencies = ["projects.sector"]


class CountryProfileManager(models.Manager):
    def get_by_natural_key(self, country):
        return self.get(country=country)


class CountryProfile(models.Model):
    """What the country page says first about a partner country and Qingdao."""

    country = CountryField(_("country"), unique=True)
    summary = models.TextField(_("summary"), max_length=800)

    objects = CountryProfileManager()
    staff = StaffAccess()

    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")
        ordering = ["country"]

    def __str__(self):
        return self.country.name

    def natural_key(self):
        return (self.country.code,)
