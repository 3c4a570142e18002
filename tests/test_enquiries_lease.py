"""An email is claimed with a lease, sent outside any transaction, then marked sent."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from background.queue import in_transaction
from enquiries.models import Notification
from enquiries.notifications import claim, deliver, mark_sent
from enquiries.routing import route

from .enquiry_helpers import enquiry_data, make_enquiry

pytestmark = pytest.mark.django_db

SEEN = []


class TransactionSpyBackend(EmailBackend):
    """Notes, for each message, whether a transaction was open while it was sent."""

    def send_messages(self, messages):
        SEEN.append(in_transaction())
        return super().send_messages(messages)


@pytest.fixture
def ack():
    enquiry = make_enquiry()
    route(enquiry)
    return Notification.objects.get(enquiry=enquiry, kind="ack")


def test_the_request_sends_nothing_and_the_worker_sends_afterwards(client, worker):
    response = client.post(reverse("enquiries:form"), enquiry_data())
    assert response.status_code == 302
    assert mail.outbox == []
    assert Notification.objects.pending().count() == 2
    worker.run()
    assert len(mail.outbox) == 2
    assert Notification.objects.pending().count() == 0


def test_the_mail_server_is_spoken_to_outside_any_transaction(ack, settings):
    settings.EMAIL_BACKEND = "tests.test_enquiries_lease.TransactionSpyBackend"
    SEEN.clear()
    assert deliver(ack.pk)
    assert SEEN == [False]


def test_sending_inside_a_transaction_is_refused(ack):
    with transaction.atomic(), pytest.raises(RuntimeError, match="outside transactions"):
        deliver(ack.pk)
    assert mail.outbox == []


def test_a_claimed_email_is_left_to_the_sender_holding_it(ack):
    lease_end = claim(ack.pk)
    assert lease_end > timezone.now()
    assert deliver(ack.pk) is False
    assert claim(ack.pk) is None
    ack.refresh_from_db()
    assert mail.outbox == [] and ack.attempts == 1 and ack.claimed_until == lease_end


def test_an_expired_lease_lets_another_sender_send_it(ack):
    claim(ack.pk)  # a worker claims it, then dies before sending
    Notification.objects.filter(pk=ack.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert deliver(ack.pk) is True
    ack.refresh_from_db()
    assert len(mail.outbox) == 1
    assert ack.sent_at and ack.attempts == 2 and ack.claimed_until is None


def test_a_failed_attempt_gives_the_email_back_at_once(ack, settings):
    settings.EMAIL_BACKEND = "tests.test_enquiries_delivery.FailingBackend"
    assert deliver(ack.pk) is False
    ack.refresh_from_db()
    assert ack.sent_at is None and ack.claimed_until is None
    assert "SMTP server unreachable" in ack.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver(ack.pk) is True
    ack.refresh_from_db()
    assert ack.attempts == 2 and ack.last_error == ""


def test_a_sent_email_cannot_be_claimed(ack):
    assert deliver(ack.pk)
    assert claim(ack.pk) is None


def test_marking_sent_waits_for_a_busy_database(ack):
    real_update = QuerySet.update
    calls = []

    def busy_once(queryset, **fields):
        calls.append(fields)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real_update(queryset, **fields)

    with (
        mock.patch.object(QuerySet, "update", busy_once),
        mock.patch("enquiries.notifications.time.sleep") as sleep,
    ):
        mark_sent(ack.pk)
    ack.refresh_from_db()
    assert ack.sent_at and len(calls) == 2 and sleep.call_count == 1
