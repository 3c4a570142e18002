"""Policy lists that the finder work fixed: city-wide policies under every sector, and the
home page's newest policies only in force; every demo policy names its authority."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from projects import selectors

from .factories import make_policy, make_sector

TODAY = timezone.localdate()
POLICIES = Path(settings.BASE_DIR) / "fixtures" / "070_policies.json"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_sector_filter_includes_policies_for_every_sector(client, language):
    marine, film = make_sector(slug="marine"), make_sector(slug="film")
    make_policy(slug="marine-fund", name={"en": "Marine fund", "zh-hans": "海洋基金"}).sectors.add(
        marine
    )
    make_policy(slug="film-fund", name={"en": "Film fund", "zh-hans": "影视基金"}).sectors.add(film)
    make_policy(slug="reform", name={"en": "Approval reform", "zh-hans": "审批改革"})
    html = client.get(f"/{language}/policies/?sector=marine&status=in_force").content.decode()
    if language == "en":
        assert "Marine fund" in html and "Approval reform" in html and "Film fund" not in html
    else:
        assert "海洋基金" in html and "审批改革" in html and "影视基金" not in html
    assert [p.slug for p in selectors.policies(sector="marine")] == ["marine-fund", "reform"]


@pytest.mark.django_db
def test_a_policy_with_two_sectors_is_listed_once():
    marine, film = make_sector(slug="marine"), make_sector(slug="film")
    make_policy(slug="both").sectors.add(marine, film)
    assert [p.slug for p in selectors.policies(sector="marine")] == ["both"]


@pytest.mark.django_db
def test_home_shows_only_policies_in_force(client):
    make_policy(name={"en": "Current incentive"}, effective_date=TODAY - datetime.timedelta(days=9))
    make_policy(
        name={"en": "Lapsed incentive"},
        effective_date=TODAY - datetime.timedelta(days=5),
        expiry_date=TODAY - datetime.timedelta(days=1),
    )
    make_policy(name={"en": "Future incentive"}, effective_date=TODAY + datetime.timedelta(days=3))
    html = client.get("/en/").content.decode()
    assert "Current incentive" in html
    assert "Lapsed incentive" not in html and "Future incentive" not in html


def test_every_demo_policy_names_its_issuing_authority_in_both_languages():
    for record in json.loads(POLICIES.read_text()):
        fields = record["fields"]
        assert fields["authority_en"].strip() and fields["authority_zh_hans"].strip(), fields[
            "slug"
        ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_policy_page_shows_its_conditions_and_how_to_claim(client, language):
    from .factories import make_district

    policy = make_policy(
        slug="jobs-award",
        min_headcount=50,
        company_types=["start_up"],
        benefit_cap=5_000_000,
        how_to_claim={"en": "Apply online.", "zh-hans": "网上申请。"},
    )
    policy.districts.add(make_district(name={"en": "Laoshan", "zh-hans": "崂山区"}))
    html = client.get(f"/{language}/policies/jobs-award/").content.decode()
    if language == "en":
        assert "at least 50 employees; Start-up" in html and "RMB 5 million" in html
        assert "Apply online." in html and "Laoshan" in html
    else:
        assert "员工不少于50人；初创企业" in html and "500万元" in html
        assert "网上申请。" in html and "崂山区" in html
