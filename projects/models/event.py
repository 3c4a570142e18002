import zoneinfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from projects.content_types import Feed, PublicType

from .publishable import Publishable, PublishableQuerySet, only


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events not yet over, soonest first."""
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class Event(Publishable):
    """A conference, forum, fair, promotion week abroad or festival."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        FORUM = "forum", _("Forum")
        FAIR = "fair", _("Fair or expo")
        PROMOTION = "promotion", _("Promotion week abroad")
        FESTIVAL = "festival", _("Festival")

    name = models.CharField(_("name"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"), max_length=600)
    body = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=50,
        default="Asia/Shanghai",
        validators=[validate_timezone],
        help_text=_("The venue's time zone, e.g. Asia/Seoul or Europe/Berlin."),
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), default="CN")
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    sectors = models.ManyToManyField(
        "projects.Sector", verbose_name=_("sectors"), related_name="events", blank=True
    )
    park = models.ForeignKey(
        "projects.Park",
        verbose_name=_("related park"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    centre = models.ForeignKey(
        "projects.OverseasCentre",
        verbose_name=_("related overseas centre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    images = GenericRelation("images.Image")

    objects = EventQuerySet.as_manager()

    public = PublicType(
        key="event",
        path="events",
        label=_("Events"),
        position=30,
        search_fields={"name": 3, "summary": 2, "body": 1, "city": 1, "venue": 1},
        feed=Feed(
            title=_("Invest Qingdao: upcoming events"),
            description=_(
                "Conferences, forums, fairs and promotion weeks where investors meet Qingdao."
            ),
            items=lambda published: published.upcoming(),
        ),
        enquiry=lambda event: {
            "park": event.park,
            "centre": event.centre,
            "sector": only(event.sectors),
        },
        list_view="projects.views.event_list",
        detail_view="projects.views.event_detail",
        list_queries=5,
        detail_queries=3,
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        # The public lists: upcoming (by end, in start order) and past events.
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_public_start"),
            models.Index(fields=["status", "ends_at"], name="event_public_end"),
            # The event list's park filter (?park=): a park's events still to come, counted
            # and listed without reading every upcoming event.
            models.Index(fields=["park", "status", "ends_at"], name="event_park_public_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    @property
    def venue_timezone(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event must end after it starts.")})
