from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from projects.content_types import Feed, PublicType
from projects.documents import document_path, validate_document

from .criteria import ChoiceList, CompanyType, TalentCategory
from .publishable import Publishable, PublishableQuerySet, only

WHOLE_YUAN = {"max_digits": 16, "decimal_places": 0, "null": True, "blank": True}


class PolicyQuerySet(PublishableQuerySet):
    def in_force(self, on=None):
        """Policies that have taken effect and not yet expired on the given date."""
        on = on or timezone.localdate()
        return self.filter(
            models.Q(effective_date__isnull=True) | models.Q(effective_date__lte=on),
            models.Q(expiry_date__isnull=True) | models.Q(expiry_date__gte=on),
        )

    def not_in_force(self, on=None):
        return self.exclude(pk__in=self.in_force(on).values("pk"))


class Policy(Publishable):
    """An incentive or regulation an investor can use."""

    class Category(models.TextChoices):
        TAX = "tax", _("Tax")
        SUBSIDY = "subsidy", _("Subsidy")
        TALENT = "talent", _("Talent")
        FINANCE = "finance", _("Finance")
        LAND = "land", _("Land")
        CUSTOMS_TRADE = "customs_trade", _("Customs and trade")
        ADMINISTRATIVE = "administrative", _("Administrative service")

    name = models.CharField(_("title"), max_length=250)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    authority = models.CharField(_("issuing authority"), max_length=250, blank=True)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    # The partner countries the record belongs to: listed on their country pages.
    countries = CountryField(
        _("partner countries"),
        multiple=True,
        blank=True,
        help_text=_("Shown on these countries' pages, e.g. Germany for the Sino-German Eco-Park."),
    )
    sectors = models.ManyToManyField(
        "projects.Sector", verbose_name=_("sectors"), related_name="policies", blank=True
    )
    parks = models.ManyToManyField(
        "projects.Park",
        verbose_name=_("parks"),
        related_name="policies",
        blank=True,
        help_text=_("Leave parks and districts empty for a policy that applies city-wide."),
    )
    districts = models.ManyToManyField(
        "projects.District",
        verbose_name=_("districts"),
        related_name="policies",
        blank=True,
        help_text=_("A policy of a district applies to every park and site in it."),
    )
    company_types = ChoiceList(
        _("company types"),
        options=CompanyType,
        help_text=_("Leave all unticked when any company may claim it."),
    )
    min_investment = models.DecimalField(
        _("minimum investment (yuan)"),
        **WHOLE_YUAN,
        validators=[MinValueValidator(0)],
    )
    min_headcount = models.PositiveIntegerField(_("minimum employees"), null=True, blank=True)
    talent_categories = ChoiceList(
        _("talent categories"),
        options=TalentCategory,
        help_text=_("For talent policies: the categories of people it rewards."),
    )
    benefit_amount = models.DecimalField(
        _("amount (yuan)"), **WHOLE_YUAN, validators=[MinValueValidator(0)]
    )
    benefit_rate = models.DecimalField(
        _("rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    benefit_cap = models.DecimalField(
        _("cap (yuan)"), **WHOLE_YUAN, validators=[MinValueValidator(0)]
    )
    benefit_years = models.PositiveSmallIntegerField(_("duration (years)"), null=True, blank=True)
    how_to_claim = models.TextField(_("how to claim"), blank=True)
    claim_deadline = models.DateField(_("deadline to apply"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=600)
    eligibility = models.TextField(_("who is eligible"), blank=True)
    benefits = models.TextField(_("benefits"), blank=True)
    body = models.TextField(_("details"), blank=True)
    effective_date = models.DateField(_("takes effect"), null=True, blank=True)
    expiry_date = models.DateField(_("expires"), null=True, blank=True)
    source_file = models.FileField(
        _("source document"),
        upload_to=document_path,
        validators=[validate_document],
        blank=True,
        help_text=_("PDF, or a Word (.docx) or Excel (.xlsx) file; visitors download it."),
    )
    source_url = models.URLField(_("source link"), blank=True)

    objects = PolicyQuerySet.as_manager()

    public = PublicType(
        key="policy",
        path="policies",
        label=_("Policies"),
        position=20,
        search_fields={
            "name": 3,
            "summary": 2,
            "eligibility": 1,
            "benefits": 1,
            "body": 1,
            "authority": 1,
        },
        feed=Feed(
            title=_("Invest Qingdao: new policies"),
            description=_("Incentives and regulations that investors in Qingdao can use."),
        ),
        enquiry=lambda policy: {"park": only(policy.parks), "sector": only(policy.sectors)},
        list_view="projects.views.policy_list",
        detail_view="projects.views.policy_detail",
        list_queries=4,
        # policy, sectors, parks, districts
        detail_queries=4,
    )

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        ordering = ["-effective_date", "slug"]
        # The public list: published policies, newest in force first.
        indexes = [
            models.Index(fields=["status", "-effective_date", "slug"], name="policy_public_order")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expiry_date__isnull=True)
                | models.Q(effective_date__isnull=True)
                | models.Q(expiry_date__gt=models.F("effective_date")),
                name="policy_expires_after_effective",
            )
        ]

    def is_in_force(self, on=None):
        on = on or timezone.localdate()
        started = self.effective_date is None or self.effective_date <= on
        not_expired = self.expiry_date is None or self.expiry_date >= on
        return started and not_expired

    @property
    def in_force(self):
        return self.is_in_force()

    def clean(self):
        super().clean()
        if self.effective_date and self.expiry_date and self.expiry_date <= self.effective_date:
            raise ValidationError({"expiry_date": _("A policy must expire after it takes effect.")})
