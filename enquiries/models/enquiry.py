from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

MESSAGE_MAX_LENGTH = 5000

validate_phone = RegexValidator(
    r"^\+?[0-9 ()./-]{5,40}$",
    _("Enter a phone number with digits, spaces and an optional leading +."),
)


class Enquiry(models.Model):
    """An investor's message, stored before anything else happens."""

    class Stage(models.TextChoices):
        EXPLORING = "exploring", _("Exploring options")
        SHORTLISTING = "shortlisting", _("Shortlisting locations")
        READY = "ready", _("Ready to invest")

    class ContactWindow(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning, 9:00–12:00 China time")
        AFTERNOON = "afternoon", _("Afternoon, 13:00–17:00 China time")
        EVENING = "evening", _("Evening, 18:00–21:00 China time")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class Withheld(models.TextChoices):
        DAILY_LIMIT = "daily_limit", _("The address had its daily number of acknowledgements")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    # The form's one-time token: posting the same form again finds this enquiry.
    submission_token = models.CharField(
        _("submission token"), max_length=40, unique=True, null=True, blank=True, editable=False
    )
    acknowledgement_withheld = models.CharField(
        _("acknowledgement not sent"),
        max_length=20,
        choices=Withheld.choices,
        blank=True,
        editable=False,
    )
    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company"), max_length=200)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    sector = models.ForeignKey(
        "projects.Sector",
        verbose_name=_("sector of interest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    park = models.ForeignKey(
        "projects.Park",
        verbose_name=_("park of interest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    site = models.ForeignKey(
        "siting.AvailableSite",
        verbose_name=_("available site of interest"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    centre = models.ForeignKey(
        "projects.OverseasCentre",
        verbose_name=_("overseas centre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    contact_window = models.CharField(
        _("preferred contact time"),
        max_length=20,
        choices=ContactWindow.choices,
        default=ContactWindow.ANY,
    )
    consent = models.BooleanField(_("consents to be contacted"), default=False)
    cross_border_consent = models.BooleanField(
        _("consents to a transfer abroad"),
        default=False,
        help_text=_("May be passed to a desk outside mainland China (a separate consent)."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("The page the enquiry came from.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    desk = models.ForeignKey(
        "enquiries.Desk",
        verbose_name=_("desk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen by staff only.")
    )
    reply_due_at = models.DateTimeField(
        _("first reply due"), null=True, blank=True, db_index=True, editable=False
    )
    first_replied_at = models.DateTimeField(
        _("first replied"), null=True, blank=True, db_index=True, editable=False
    )
    last_replied_at = models.DateTimeField(_("last replied"), null=True, blank=True, editable=False)
    # Set when the investor writes again after a reply: no follow-up reminder is then due.
    investor_wrote_at = models.DateTimeField(
        _("investor last wrote"), null=True, blank=True, editable=False
    )
    rating = models.PositiveSmallIntegerField(
        _("investor's rating"),
        null=True,
        blank=True,
        editable=False,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 to 5, given by the investor on the enquiry's page."),
    )
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(
        _("anonymised"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Personal data erased; the rest is kept for statistics."),
    )

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference or f"{self.name} ({self.company})"

    def save(self, *args, **kwargs):
        # The reference comes from the primary key, which the database hands out
        # uniquely even to concurrent requests; both writes commit together.
        with transaction.atomic():
            super().save(*args, **kwargs)
            if not self.reference:
                self.reference = make_reference(self.created_at, self.pk)
                type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    def clean(self):
        super().clean()
        # Staff may not move an enquiry abroad either without the sender's consent.
        if self.desk_id and self.desk.abroad and not self.cross_border_consent:
            raise ValidationError(
                {
                    "desk": _(
                        "This desk is outside mainland China and the sender did not agree "
                        "to a transfer abroad."
                    )
                }
            )


def make_reference(created_at, number):
    """`IQ-2026-0042`: short enough to read out on the phone."""
    return f"IQ-{timezone.localtime(created_at).year}-{number:04d}"
