"""A Korean investor in a real browser, in Chinese: from the Korean centre to the Korea
country page, to a Korean company's story, to the enquiry form with Korea filled in."""

import re

import pytest
from playwright.sync_api import expect

from .factories import make_centre, make_sector
from .story_factories import make_figure, make_story

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_korean_investor_goes_from_the_centre_to_an_enquiry_about_korea(page):
    make_centre(
        slug="business-centre-south-korea",
        country="KR",
        countries_served=["KR"],
        name_en="Qingdao Business Centre in South Korea",
        name_zh_hans="青岛驻韩国工商中心",
    )
    make_figure(value=12930, label_zh_hans="韩国在青投资项目")
    story = make_story(
        country="KR",
        sector=make_sector(),
        title_en="Eight Korean banks have branches in Qingdao",
        title_zh_hans="八家韩资银行在青岛设立分行",
    )

    page.goto("/zh-hans/centres/business-centre-south-korea/")
    page.get_by_role("link", name="韩国", exact=True).click()
    expect(page).to_have_url(re.compile(r"/zh-hans/countries/kr/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("韩国与青岛")
    expect(page.get_by_text("12,930")).to_be_visible()

    page.get_by_role("link", name="八家韩资银行在青岛设立分行").click()
    expect(page).to_have_url(re.compile(rf"/zh-hans/stories/{story.slug}/$"))

    page.get_by_role("link", name="发送咨询", exact=True).click()
    expect(page).to_have_url(re.compile(r"/zh-hans/enquiry/\?country=KR$"))
    expect(page.locator("select[name=country]")).to_have_value("KR")
