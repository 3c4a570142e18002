from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reply(models.Model):
    """An officer's answer to the investor, kept as sent: never edited afterwards."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry",
        verbose_name=_("enquiry"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="enquiry_replies",
    )
    body = models.TextField(_("reply"), max_length=10000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    # When the officer sent it; the email itself goes out from the worker (see Emails).
    sent_at = models.DateTimeField(_("sent"), db_index=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return f"{self.enquiry} · {self.sent_at:%Y-%m-%d %H:%M}"

    def signature(self):
        """How the investor sees the sender: the officer's name, else the desk."""
        return self.author.get_full_name() or str(self.enquiry.desk or "")
