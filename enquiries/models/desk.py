from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from .booking import DEFAULT_TIME_ZONE, validate_time_zone


def default_name_column():
    """The column of the desk's name in the default language: its natural key."""
    return build_localized_fieldname("name", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class DeskManager(models.Manager):
    def get_by_natural_key(self, name):
        # The default language's name, whichever language is active (fixtures, imports).
        return self.get(**{default_name_column(): name})


class Desk(models.Model):
    """A team of investment officers that answers the enquiries routed to it.

    Its name is translated (enquiries/translation.py): visitors read it in their language.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    email = models.EmailField(_("email"), help_text=_("Notifications of new enquiries go here."))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        related_name="enquiry_desks",
        blank=True,
        help_text=_("Officers who see and handle this desk's enquiries."),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="managed_desks",
        blank=True,
        help_text=_("Told when an enquiry is overdue; see the desk's performance."),
    )
    reply_target_days = models.PositiveSmallIntegerField(
        _("first-reply target (working days)"),
        default=2,
        help_text=_("Working days within which every enquiry gets its first reply."),
    )
    country = CountryField(
        _("country"),
        default="CN",
        help_text=_("Its public holidays and adjusted working days count for reply targets."),
    )
    is_default = models.BooleanField(
        _("default desk"),
        default=False,
        help_text=_("Receives every enquiry that no routing rule matches."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The desk's call slots are in this time zone, e.g. Asia/Shanghai."),
    )
    # Passing an enquiry to a desk abroad is a cross-border transfer under the PIPL.
    abroad = models.BooleanField(
        _("outside mainland China"),
        default=False,
        help_text=_(
            "Tick for a desk abroad (including Hong Kong, Macao and Taiwan): it receives only "
            "enquiries whose senders agreed to a transfer abroad."
        ),
    )

    objects = DeskManager()

    class Meta:
        verbose_name = _("desk")
        verbose_name_plural = _("desks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_desk",
                violation_error_message=_("There is already a default desk."),
            )
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (getattr(self, default_name_column()),)

    def clean(self):
        super().clean()
        if self.is_default and self.abroad:
            raise ValidationError(
                {
                    "abroad": _(
                        "The default desk receives the enquiries that may not go abroad: "
                        "it must be in mainland China."
                    )
                }
            )


class RoutingRule(models.Model):
    """Sends the enquiries that match it to a desk; the lowest priority number wins."""

    class Kind(models.TextChoices):
        CENTRE = "centre", _("Country served by an overseas centre")
        COUNTRY = "country", _("Visitor's country")
        PARK = "park", _("Park of interest")
        SECTOR = "sector", _("Sector of interest")

    # The field each kind of rule compares with the enquiry.
    TARGETS = {
        Kind.CENTRE: "centre",
        Kind.COUNTRY: "country",
        Kind.PARK: "park",
        Kind.SECTOR: "sector",
    }

    kind = models.CharField(_("match by"), max_length=10, choices=Kind.choices)
    centre = models.ForeignKey(
        "projects.OverseasCentre",
        verbose_name=_("overseas centre"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_(
            "Matches visitors from the countries this centre serves, "
            "or who chose it as their centre of interest."
        ),
    )
    country = CountryField(_("country"), blank=True)
    park = models.ForeignKey(
        "projects.Park",
        verbose_name=_("park"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    sector = models.ForeignKey(
        "projects.Sector",
        verbose_name=_("sector"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    desk = models.ForeignKey(
        Desk, verbose_name=_("desk"), on_delete=models.CASCADE, related_name="rules"
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Rules are tried from the lowest number up.")
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target} → {self.desk}"

    @property
    def target(self):
        return getattr(self, self.TARGETS[self.kind], None) if self.kind else None

    def matches(self, enquiry):
        if self.kind == self.Kind.CENTRE:
            return enquiry.centre_id == self.centre_id or (
                bool(enquiry.country) and enquiry.country in self.centre.countries_served
            )
        if self.kind == self.Kind.COUNTRY:
            return bool(enquiry.country) and enquiry.country == self.country
        if self.kind == self.Kind.PARK:
            # The park chosen, or the park of the site the enquiry is about.
            parks = {enquiry.park_id, enquiry.site.park_id if enquiry.site_id else None}
            return self.park_id in parks - {None}
        return enquiry.sector_id is not None and enquiry.sector_id == self.sector_id

    def clean(self):
        super().clean()
        if not self.kind:
            return
        wanted = self.TARGETS[self.kind]
        errors = {}
        for field in self.TARGETS.values():
            value = getattr(self, f"{field}_id" if field != "country" else field)
            if field == wanted and not value:
                errors[field] = _("Required for this kind of rule.")
            elif field != wanted and value:
                errors[field] = _("Leave empty for this kind of rule.")
        if errors:
            raise ValidationError(errors)
