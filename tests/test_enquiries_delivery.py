"""Emails: in the investor's language, failures kept pending, sent exactly once."""

from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry, Notification
from enquiries.notifications import deliver
from enquiries.routing import route

from .enquiry_helpers import default_desk, enquiry_data, make_desk, make_enquiry, make_officer

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.test_enquiries_delivery.FailingBackend"


class FailingBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def submit(client, language, **fields):
    with translation.override(language):
        url = reverse("enquiries:form")
    return client.post(url, enquiry_data(**fields))


def test_english_enquiry_is_acknowledged_in_english(client, worker):
    submit(client, "en")
    worker.run()
    enquiry = Enquiry.objects.get()
    ack, desk = sorted(mail.outbox, key=lambda message: message.to != [enquiry.email])
    assert ack.to == ["anna@nordsee.example"]
    assert ack.subject == f"Your enquiry {enquiry.reference} to Invest Qingdao"
    assert ack.body.startswith("Hello,")
    assert "of our Investment promotion desk will answer you by" in ack.body
    assert enquiry.reference in ack.body
    # Nothing the visitor typed is sent to the typed address.
    assert "Anna" not in ack.body and "Nordsee" not in ack.body and "factory" not in ack.body
    assert ack.reply_to == [default_desk().email]
    assert desk.to == [default_desk().email]
    assert desk.reply_to == [enquiry.email]
    assert enquiry.reference in desk.subject and "Nordsee" in desk.subject


def test_chinese_enquiry_is_acknowledged_in_chinese(client, worker):
    submit(
        client, "zh-hans", name="王伟", company="青岛海洋科技有限公司", message="我们想了解园区。"
    )
    worker.run()
    enquiry = Enquiry.objects.get()
    assert enquiry.language == "zh-hans"
    ack = next(message for message in mail.outbox if message.to == [enquiry.email])
    assert ack.subject == f"您向“投资青岛”提交的咨询 {enquiry.reference}"
    assert ack.body.startswith("您好：")
    assert "“投资促进受理窗口”的投资专员" in ack.body and "（北京时间）前答复您" in ack.body
    assert "王伟" not in ack.body and "我们想了解园区。" not in ack.body
    # The desk reads its copy in the staff's language, with the Chinese message intact.
    desk = next(message for message in mail.outbox if message.to != [enquiry.email])
    assert desk.subject.startswith("New enquiry") and "青岛海洋科技有限公司" in desk.subject
    assert "Simplified Chinese" in desk.body and "我们想了解园区。" in desk.body


def test_both_emails_are_marked_sent(client, worker):
    submit(client, "en")
    worker.run()
    notifications = Notification.objects.all()
    assert {n.kind for n in notifications} == {"desk", "ack"}
    assert all(n.sent_at and n.attempts == 1 and not n.last_error for n in notifications)


def test_desk_members_are_copied():
    desk = make_desk("Europe", is_default=False)
    make_officer("lena", desk)
    enquiry = make_enquiry()
    enquiry.desk = desk
    enquiry.save()
    route(enquiry)
    desk_notification = Notification.objects.get(kind="desk")
    assert deliver(desk_notification.pk)
    assert mail.outbox[0].cc == ["lena@invest.example"]


def test_header_injection_in_company_is_flattened(client, worker):
    refused = submit(client, "en", company="Evil\nBcc: victim@example.com")
    assert "company" in refused.context["form"].errors  # the line break is removed first
    cleaned = refused.context["form"].data["company"]
    assert cleaned == "Evil Bcc: victim@example.com"
    submit(client, "en", company=cleaned)
    worker.run()
    desk = next(m for m in mail.outbox if m.to == [default_desk().email])
    assert "\n" not in desk.subject and "Bcc" not in desk.extra_headers


def test_failing_backend_keeps_the_enquiry_stored_and_pending(client, settings, worker):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    response = submit(client, "zh-hans")
    worker.run()
    # The visitor still gets the thank-you page and a reference.
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.reference in client.get(response.url).content.decode()
    notifications = Notification.objects.filter(enquiry=enquiry)
    assert notifications.count() == 2
    for notification in notifications:
        assert notification.sent_at is None
        assert notification.attempts == 1
        assert "SMTP server unreachable" in notification.last_error

    # The pending command retries while the server is still down: still pending.
    call_command("send_pending_enquiries", stdout=StringIO())
    assert Notification.objects.pending().count() == 2
    assert set(Notification.objects.values_list("attempts", flat=True)) == {2}

    # Once the server is back, the command sends each email exactly once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_enquiries", stdout=StringIO())
    call_command("send_pending_enquiries", stdout=StringIO())
    assert len(mail.outbox) == 2
    assert Notification.objects.pending().count() == 0
    ack = next(message for message in mail.outbox if message.to == [enquiry.email])
    assert ack.subject.startswith("您向")


def test_command_routes_an_enquiry_stored_before_routing_failed(capsys):
    enquiry = make_enquiry()
    assert enquiry.desk is None and not enquiry.notifications.exists()
    call_command("send_pending_enquiries")
    call_command("send_pending_enquiries")
    enquiry.refresh_from_db()
    assert enquiry.desk == default_desk()
    assert enquiry.status == Enquiry.Status.ASSIGNED
    assert len(mail.outbox) == 2
    assert "Sent 2 email(s); 0 still pending." in capsys.readouterr().out


def test_an_enquiry_without_any_desk_waits_for_one():
    default_desk().delete()
    enquiry = make_enquiry()
    call_command("send_pending_enquiries", stdout=StringIO())
    desk_email = Notification.objects.get(kind="desk")
    assert desk_email.sent_at is None and "no desk" in desk_email.last_error
    make_desk("Fallback", is_default=True)
    call_command("send_pending_enquiries", stdout=StringIO())
    enquiry.refresh_from_db()
    assert enquiry.desk.name == "Fallback"
    assert Notification.objects.pending().count() == 0
    assert len(mail.outbox) == 2


def test_a_sent_email_is_never_sent_again():
    enquiry = make_enquiry()
    route(enquiry)
    route(enquiry)
    assert Notification.objects.count() == 2
    pk = Notification.objects.get(kind="ack").pk
    assert deliver(pk) is True
    assert deliver(pk) is False
    assert len(mail.outbox) == 1
