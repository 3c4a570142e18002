"""The weekly digest to editors: sent by the worker, in each editor's language, only
when something needs attention, at most once a week."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from background.schedule import JOBS
from dashboard.jobs import send_editor_digests
from dashboard.models import EditorDigest
from dashboard.services import remember_language
from projects.models import Park
from staff.models import StaffProfile

from .factories import make_park

pytestmark = pytest.mark.django_db


def make_user(name, group="Editor", **fields):
    user = User.objects.create_user(name, email=f"{name}@qingdao.example", is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_each_editor_gets_the_digest_in_their_language(worker, settings):
    settings.SITE_URL = "https://invest.qingdao.example"
    park = make_park(summary_zh_hans="")
    make_user("wang")
    chinese = make_user("li")
    remember_language(user=chinese, language="zh-hans")
    make_user("officer", group="Investment officer")
    User.objects.filter(pk=make_user("nomail").pk).update(email="")
    make_user("gone", is_active=False)
    assert send_editor_digests.call() == 2
    worker.run()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"wang@qingdao.example", "li@qingdao.example"}
    english_mail, chinese_mail = (
        by_recipient["wang@qingdao.example"],
        by_recipient["li@qingdao.example"],
    )
    assert english_mail.subject == "Invest Qingdao: what needs attention this week"
    assert "Missing translations: Simplified Chinese (1)" in english_mail.body
    link = f"https://invest.qingdao.example/admin/projects/park/{park.pk}/change/"
    assert link in english_mail.body
    assert chinese_mail.subject == "投资青岛：本周待处理事项"
    assert "缺少翻译：简体中文（1）" in chinese_mail.body
    assert link in chinese_mail.body


def test_the_admin_language_an_editor_chose_wins_over_the_last_one_read(worker):
    make_park(summary_zh_hans="")
    editor = make_user("zhang")
    remember_language(user=editor, language="en")
    StaffProfile.objects.create(user=editor, language="zh-hans")
    send_editor_digests.call()
    worker.run()
    [message] = mail.outbox
    assert message.subject == "投资青岛：本周待处理事项"


def test_no_email_when_nothing_needs_attention(worker):
    make_user("wang")
    park = make_park()
    Park.objects.filter(pk=park.pk).update(reviewed_at=timezone.now())
    send_editor_digests.call()
    worker.run()
    assert mail.outbox == []


def test_a_second_run_in_the_same_week_sends_nothing(worker):
    make_park()  # never reviewed
    editor = make_user("wang")
    send_editor_digests.call()
    worker.run()
    assert len(mail.outbox) == 1
    send_editor_digests.call()
    worker.run()
    assert len(mail.outbox) == 1
    EditorDigest.objects.filter(user=editor).update(last_sent_at=timezone.now() - timedelta(days=7))
    send_editor_digests.call()
    worker.run()
    assert len(mail.outbox) == 2


def test_the_digest_is_a_weekly_job():
    assert JOBS[send_editor_digests.module_path].every == timedelta(days=7)
