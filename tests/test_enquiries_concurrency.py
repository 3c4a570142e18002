"""Two senders racing for the same pending email: it goes out once."""

import threading
import time

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection

from enquiries.models import Notification
from enquiries.notifications import deliver
from enquiries.routing import route

from .enquiry_helpers import make_enquiry

pytestmark = pytest.mark.django_db(transaction=True)

SENT = []


class SlowBackend(EmailBackend):
    """An SMTP server that takes a moment, so the second sender arrives mid-send."""

    def send_messages(self, messages):
        time.sleep(0.5)
        SENT.extend(messages)
        return len(messages)


@pytest.mark.postgres
def test_two_senders_send_a_pending_email_once(settings):
    settings.EMAIL_BACKEND = "tests.test_enquiries_concurrency.SlowBackend"
    SENT.clear()
    enquiry = make_enquiry()
    route(enquiry)
    pk = Notification.objects.get(enquiry=enquiry, kind="ack").pk
    results = []

    def sender():
        try:
            results.append(deliver(pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _number in range(2)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert len(SENT) == 1
    notification = Notification.objects.get(pk=pk)
    assert notification.sent_at is not None and notification.attempts == 1
