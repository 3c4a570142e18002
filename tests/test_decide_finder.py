"""The incentive finder: each answer narrows or widens the policies that apply."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from decide.finder import Project, assess
from decide.selectors import finder_result, in_force_policies
from projects.models import Policy
from projects.models.criteria import CompanyType, TalentCategory

from .factories import make_district, make_park, make_policy, make_sector
from .pages import LANGUAGES, get_page, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
URL = "/{}/incentives/finder/"


def names(policies):
    return {policy.slug for policy in policies}


def groups(found):
    return names(found.applies), nearly(found), names(found.city_wide)


def result(**answers):
    """The database's matching, checked against the same rules applied in Python."""
    project = Project(**answers)
    found = finder_result(project)
    assert groups(found) == groups(assess(in_force_policies(project.sector), project))
    return found


def nearly(found):
    return {policy.slug: reason for policy, reason in found.nearly}


@pytest.fixture
def marine():
    return make_sector(slug="marine")


def test_a_city_wide_policy_applies_to_every_sector_and_place(marine):
    make_policy(slug="approval-reform")
    park = make_park(slug="oceantec")
    found = result(sector=marine, park=park, company_type=CompanyType.SME, headcount=3)
    assert names(found.city_wide) == {"approval-reform"}
    assert not found.applies and not found.nearly


def test_sector_narrows_and_no_sector_widens(marine):
    policy = make_policy(slug="marine-fund")
    policy.sectors.add(marine)
    other = make_sector(slug="film")
    assert names(result(sector=marine).applies) == {"marine-fund"}
    assert names(result().applies) == {"marine-fund"}
    found = result(sector=other)
    # Another industry is not a near miss.
    assert not found.applies and not found.nearly


def test_place_narrows_by_park_or_district(marine):
    huangdao, laoshan = make_district(slug="huangdao"), make_district(slug="laoshan")
    eco = make_park(slug="eco-park", district=huangdao)
    blue = make_park(slug="blue-valley", district=laoshan)
    in_park = make_policy(slug="park-fund", name={"en": "Park fund"})
    in_park.parks.add(eco)
    in_district = make_policy(slug="district-fund")
    in_district.districts.add(huangdao)
    assert names(result(park=eco).applies) == {"park-fund", "district-fund"}
    # A park in the district has the district's policies.
    assert names(result(district=huangdao).applies) == {"district-fund"}
    found = result(park=blue)
    assert not found.applies
    assert set(nearly(found)) == {"park-fund", "district-fund"}
    assert nearly(found)["park-fund"] == "only in Park eco-park"
    assert names(result().applies) == {"park-fund", "district-fund"}


def test_company_type_narrows_and_widens():
    policy = make_policy(slug="hq-award", company_types=[CompanyType.REGIONAL_HQ])
    assert policy.company_types == ["regional_hq"]
    assert names(result(company_type=CompanyType.REGIONAL_HQ).applies) == {"hq-award"}
    assert names(result().applies) == {"hq-award"}
    reason = nearly(result(company_type=CompanyType.SME))["hq-award"]
    assert reason == "only for: Regional headquarters"


def test_investment_threshold():
    make_policy(slug="big-projects", min_investment=Decimal(100_000_000))
    assert names(result(investment=Decimal(100_000_000)).applies) == {"big-projects"}
    reason = nearly(result(investment=Decimal(5_000_000)))["big-projects"]
    assert reason == "needs an investment of at least RMB 100 million"


def test_headcount_threshold_gives_the_reason():
    make_policy(slug="jobs-award", min_headcount=50)
    assert names(result(headcount=50).applies) == {"jobs-award"}
    assert names(result(headcount=None).applies) == {"jobs-award"}
    assert nearly(result(headcount=49))["jobs-award"] == "needs ≥ 50 employees"


def test_talent_categories_narrow_and_widen():
    make_policy(slug="top-talent", talent_categories=[TalentCategory.TOP, TalentCategory.LEADING])
    assert names(result(talent=(TalentCategory.LEADING,)).applies) == {"top-talent"}
    assert names(result(talent=()).applies) == {"top-talent"}
    assert "Top talent" in nearly(result(talent=(TalentCategory.YOUNG,)))["top-talent"]


def test_two_unmet_conditions_are_not_nearly():
    make_policy(slug="strict", min_headcount=50, company_types=[CompanyType.LISTED])
    found = result(headcount=10, company_type=CompanyType.SME)
    assert not found.applies and not found.nearly


def test_only_policies_in_force_today_count():
    make_policy(
        slug="ends-today", effective_date=TODAY - datetime.timedelta(days=30), expiry_date=TODAY
    )
    make_policy(
        slug="ended-yesterday",
        effective_date=TODAY - datetime.timedelta(days=30),
        expiry_date=TODAY - datetime.timedelta(days=1),
    )
    make_policy(slug="starts-tomorrow", effective_date=TODAY + datetime.timedelta(days=1))
    make_policy(slug="draft", status=Policy.Status.DRAFT)
    assert names(result().city_wide) == {"ends-today"}


def test_unknown_company_or_talent_codes_are_refused_by_the_model():
    policy = make_policy(company_types=["not-a-type"])
    with pytest.raises(ValidationError, match="Choose from the list"):
        policy.full_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_finder_page_in_each_language(client, language, marine):
    make_policy(
        slug="jobs-award", name={"en": "Jobs award", "zh-hans": "就业奖励"}, min_headcount=50
    )
    make_policy(slug="approval-reform", name={"en": "Approval reform", "zh-hans": "审批改革"})
    url = URL.format(language) + "?sector=marine&headcount=12"
    response = get_page(client, url, language)
    html = response.content.decode()
    assert switch_link(response) == twin(url, language)
    if language == "zh-hans":
        assert "员工须不少于50人" in html and "审批改革" in html and "政策计算器" in html
    else:
        assert "needs ≥ 50 employees" in html and "Approval reform" in html


@pytest.mark.parametrize(
    "query",
    [
        "headcount=abc&investment=-5",
        "sector=no-such&park=%3Cscript%3E&district=x&company_type=king&talent=nope",
        "investment=1e400&headcount=99999999999999999999",
        "headcount=" + "9" * 500,
    ],
)
def test_bad_answers_are_ignored_never_a_500(client, query):
    make_policy(slug="jobs-award", name={"en": "Jobs award"}, min_headcount=50)
    response = client.get(URL.format("en") + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jobs award" in html  # the bad answer does not narrow the list
    assert "<script>" not in html


def test_finder_queries_do_not_grow_with_the_policies(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, marine
):
    def make(n):
        for _i in range(n):
            policy = make_policy(min_headcount=10)
            policy.sectors.add(marine)
            policy.parks.add(make_park())
            policy.districts.add(make_district())

    url = URL.format("en") + "?sector=marine&headcount=5&talent=top"
    make(1)
    warm_up(client, url)  # then nothing kept: the first visitor's queries
    with django_assert_num_queries(QUERIES) as few:
        assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        make(6)  # committed: what was kept ends
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


# sectors, parks and districts of the form; the groups of the policies in force, then the
# policies shown with their sectors, parks and districts
QUERIES = 8


def test_a_long_list_shows_the_first_thirty(client):
    for n in range(31):
        make_policy(slug=f"policy-{n:02d}", min_headcount=10)
    html = client.get(URL.format("en")).content.decode()
    assert html.count('class="card policy-card"') == 30
    assert "Showing the first 30: answer more questions to narrow the list." in html
