import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_TIME_ZONE = "Asia/Shanghai"


# IANA names the zoneinfo module knows, e.g. "Europe/Berlin".
TIME_ZONES = frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in TIME_ZONES:
        raise ValidationError(
            _("“%(value)s” is not a known time zone, e.g. Asia/Shanghai."),
            params={"value": value},
        )


class CallSlot(models.Model):
    """A weekly time, in the desk's own time zone, at which investors may book a call."""

    class Weekday(models.IntegerChoices):  # as datetime.date.weekday()
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    desk = models.ForeignKey(
        "enquiries.Desk",
        verbose_name=_("desk"),
        on_delete=models.CASCADE,
        related_name="call_slots",
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("start time"), help_text=_("In the desk's time zone."))
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("call slot")
        verbose_name_plural = _("call slots")
        ordering = ["desk", "weekday", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "weekday", "start_time"],
                name="one_call_slot_per_desk_time",
                violation_error_message=_("The desk already has a slot at this time."),
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M} ({self.duration} min)"


class Booking(models.Model):
    """A call an investor booked with a desk; one booking per desk and start instant."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry",
        verbose_name=_("enquiry"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    desk = models.ForeignKey(
        "enquiries.Desk", verbose_name=_("desk"), on_delete=models.PROTECT, related_name="bookings"
    )
    slot = models.ForeignKey(
        CallSlot,
        verbose_name=_("weekly slot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"))
    time_zone = models.CharField(
        _("investor's time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
    )
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)

    class Meta:
        verbose_name = _("call booking")
        verbose_name_plural = _("call bookings")
        ordering = ["starts_at"]
        constraints = [
            # The database, not a check in Python, keeps two investors off the same slot.
            models.UniqueConstraint(fields=["desk", "starts_at"], name="one_booking_per_desk_slot")
        ]

    def __str__(self):
        return f"{self.enquiry} · {self.starts_at:%Y-%m-%d %H:%M} UTC"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration)
