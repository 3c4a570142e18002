"""The park's admin at 1280 px in Chinese: nothing wider than the screen, the list's
Status and Translation columns in view, the two languages of a field side by side."""

import pytest
from django.contrib.auth.models import Group, User

from projects.models import ParkFigure
from staff.models import StaffProfile

from .browser import log_in
from .factories import make_park
from .quality import (
    ADMIN_AXE_CONTEXT,
    admin_pages,
    axe_failures,
    describe_html_errors,
    make_photo,
    validate_html,
)
from .test_html_validity import DJANGO_ADMIN_KNOWN

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-editor-password"
WIDE, NARROW = 1280, 800
LONG = "面向德国及欧洲企业的低碳园区，提供研发、制造与物流用地。" * 6


def chinese_editor():
    user = User.objects.create_user("bianji", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    StaffProfile.objects.create(user=user, language="zh-hans")
    return user


def full_park():
    park = make_park(
        name_en="Sino-German Eco-Park (Qingdao) International Cooperation Zone",
        name_zh_hans="中德生态园（青岛）国际合作区",
        body={"en": "<p>" + "Land and labs. " * 40 + "</p>", "zh-hans": f"<p>{LONG}</p>"},
        address={"en": "2877 Tuanjie Road, Huangdao District", "zh-hans": "黄岛区团结路2877号"},
    )
    for _position in range(2):
        make_photo(park, alt=LONG[:120])
    ParkFigure.objects.create(
        park=park, label_en="Registered companies", label_zh_hans="注册企业", value=1200
    )
    return park


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]


def list_overflow(page):
    """How far the list's table scrolls sideways inside its box (0 when it all shows)."""
    return page.evaluate(
        "(() => { const box = document.querySelector('.results');"
        " return box.scrollWidth - box.clientWidth; })()"
    )


def test_park_form_and_list_fit_1280_px_in_chinese(page):
    chinese_editor()
    park = full_park()
    for n in range(3):
        make_park(name_zh_hans=f"园区 {n} " + LONG[:40], summary={"zh-hans": ""})
    page.set_viewport_size({"width": WIDE, "height": 900})
    log_in(page, "bianji", PASSWORD)

    page.goto(f"/admin/projects/park/{park.pk}/change/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert overflow(page) <= 0, "the park form is wider than the screen"
    english, chinese = page.locator("#id_name_en"), page.locator("#id_name_zh_hans")
    assert english.bounding_box()["y"] == chinese.bounding_box()["y"]  # side by side
    assert english.bounding_box()["x"] < chinese.bounding_box()["x"]

    page.goto("/admin/projects/park/")
    assert overflow(page) <= 0, "the park list is wider than the screen"
    assert list_overflow(page) <= 0, "the park list's last columns are hidden"
    columns = ("column-editorial_state", "column-translation_status", "column-last_reviewed")
    for column in columns:
        box = page.locator(f"th.{column}").bounding_box()
        assert box and box["x"] + box["width"] <= WIDE, column
    assert "简体中文 1/2" in page.locator("#result_list").inner_text()


def test_languages_stack_on_a_narrow_screen(page):
    chinese_editor()
    park = full_park()
    page.set_viewport_size({"width": NARROW, "height": 900})
    log_in(page, "bianji", PASSWORD)
    page.goto(f"/admin/projects/park/{park.pk}/change/")
    english, chinese = page.locator("#id_summary_en"), page.locator("#id_summary_zh_hans")
    assert english.bounding_box()["y"] < chinese.bounding_box()["y"]
    assert overflow(page) <= 0


def chinese_superuser():
    user = User.objects.create_superuser("zhuguan", "zhuguan@example.com", PASSWORD)
    StaffProfile.objects.create(user=user, language="zh-hans")
    return user


def test_chinese_admin_screens_have_no_axe_violations(page):
    chinese_superuser()
    park = full_park()
    log_in(page, "zhuguan", PASSWORD)
    report = axe_failures(page, [("admin index", "/admin/"), *admin_pages(park)], ADMIN_AXE_CONTEXT)
    assert not report, "\n".join(report)


def test_chinese_admin_screens_are_valid_html(client, tmp_path):
    client.force_login(chinese_superuser())
    park = full_park()
    documents = {}
    for label, url in [("admin index", "/admin/"), *admin_pages(park)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == "zh-hans"
        documents[f"{label} {url}"] = response.content.decode()
    results = validate_html(documents, tmp_path)
    for found in results.values():
        found["errors"] = [line for line in found["errors"] if DJANGO_ADMIN_KNOWN not in line]
    errors = describe_html_errors(results)
    assert not errors, errors
