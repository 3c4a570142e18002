from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True)

    def claimable(self, now):
        """Pending and not held by a sender, or held by one whose lease ran out."""
        return self.pending().filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))


class Notification(models.Model):
    """One email an enquiry triggers, and whether it has gone out."""

    class Kind(models.TextChoices):
        DESK = "desk", _("Notification to the desk")
        ACKNOWLEDGEMENT = "ack", _("Acknowledgement to the investor")
        REPLY = "reply", _("Officer's reply to the investor")
        REMINDER = "reminder", _("Reminder to the desk: reply overdue")
        ESCALATION = "escalation", _("Escalation to the managers")
        FOLLOW_UP = "follow_up", _("Reminder to follow up")
        BOOKING = "booking", _("Call booking confirmation")

    enquiry = models.ForeignKey(
        "enquiries.Enquiry",
        verbose_name=_("enquiry"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # The record the email is about (a reply, a booking), 0 for one-per-enquiry emails:
    # queueing the same email twice finds the existing row.
    subject_id = models.PositiveIntegerField(_("about record"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # A sender holds the email until then while it talks to the mail server; if the
    # sender dies, another may take it once the lease has run out.
    claimed_until = models.DateTimeField(_("being sent until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["pk"]
        # /healthz and the senders look for the oldest pending emails.
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="pending_emails"
            )
        ]
        constraints = [
            # Routing an enquiry twice must never queue the same email twice.
            models.UniqueConstraint(
                fields=["enquiry", "kind", "subject_id"], name="one_email_per_subject"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.enquiry})"
