"""Editors set a policy's criteria and benefit in the admin, in both languages."""

import pytest
from django.urls import reverse

from projects.models import Policy

from .factories import make_district

pytestmark = pytest.mark.django_db
ADD = reverse("admin:projects_policy_add")


def policy_form(**overrides):
    data = {
        "name_en": "Headquarters award",
        "name_zh_hans": "总部奖励",
        "category": Policy.Category.SUBSIDY,
        "summary_en": "An award for regional headquarters.",
        "summary_zh_hans": "地区总部奖励。",
        "how_to_claim_en": "Apply to the Bureau of Commerce.",
        "how_to_claim_zh_hans": "向市商务局申请。",
        "slug": "hq-award",
        "status": Policy.Status.PUBLISHED,
        "company_types": ["regional_hq", "fie"],
        "talent_categories": ["leading"],
        "min_headcount": "50",
        "min_investment": "100000000",
        "benefit_rate": "20",
        "benefit_cap": "5000000",
        "benefit_years": "3",
        "claim_deadline": "2027-06-30",
    }
    data.update(overrides)
    return data


def test_the_change_form_offers_every_criterion(client, editor):
    html = client.get(ADD).content.decode()
    for name in ("company_types", "talent_categories", "min_headcount", "benefit_cap"):
        assert f'name="{name}"' in html
    assert 'name="how_to_claim_zh_hans"' in html and 'name="districts"' in html
    assert 'type="checkbox" name="company_types" value="regional_hq"' in html


def test_criteria_are_saved(client, editor):
    district = make_district(slug="huangdao")
    response = client.post(ADD, policy_form(districts=[district.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    policy = Policy.objects.get()
    assert policy.company_types == ["regional_hq", "fie"]
    assert policy.talent_categories == ["leading"]
    assert policy.min_headcount == 50 and policy.benefit_years == 3
    assert policy.how_to_claim_zh_hans == "向市商务局申请。"
    assert list(policy.districts.all()) == [district]


@pytest.mark.parametrize(
    "bad",
    [{"company_types": ["emperor"]}, {"benefit_rate": "120"}, {"min_headcount": "-1"}],
)
def test_wrong_criteria_are_refused_with_a_message(client, editor, bad):
    response = client.post(ADD, policy_form(**bad))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Policy.objects.exists()
