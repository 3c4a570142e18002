"""The formatting helpers, list order and form conventions, in both languages."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from localisation import formats
from localisation.collation import sort_key, sorted_by_name
from localisation.countries import country_choices, sorted_countries
from localisation.forms import localise_form
from localisation.units import Qualifier, Unit, measure

ZH, EN = "zh-hans", "en"
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(*args, zone=SHANGHAI):
    return datetime.datetime(*args, tzinfo=zone)


@pytest.mark.parametrize(
    ("value", "chinese", "english"),
    [
        (0, "0", "0"),
        (356, "356", "356"),
        (4300, "4300", "4,300"),
        (9999, "9999", "9,999"),
        (10000, "1万", "10,000"),
        (12900, "1.29万", "12,900"),
        (12930, "12,930", "12,930"),  # exact: not a round figure in 万
        (-12930, "-12,930", "-12,930"),
        (999999, "999,999", "999,999"),
        (1_000_000, "100万", "1 million"),
        (1_500_000, "150万", "1.5 million"),
        (99_999_999, "99,999,999", "99,999,999"),
        (100_000_000, "1亿", "100 million"),
        (2_600_000_000, "26亿", "2.6 billion"),
        (1_300_000_000_000, "1.3万亿", "1.3 trillion"),
        (Decimal("2.50"), "2.5", "2.5"),
    ],
)
def test_number_follows_the_one_rule(value, chinese, english):
    assert formats.number(value, ZH) == chinese
    assert formats.number(value, EN) == english


@pytest.mark.parametrize(
    ("value", "chinese", "english"),
    [
        (12930, "1.29万", "12,930"),
        (12950, "1.3万", "12,950"),  # 1.295 rounds half up
        (9999.5, "9999.5", "9,999.5"),
        (Decimal("9999.999"), "1万", "10,000"),  # rounds up into 万
        (99_999_999, "1亿", "100 million"),  # 9999.9999万 rounds up into 亿
        (99_994_999, "9999.5万", "99.99 million"),
        (999_999_999, "10亿", "1 billion"),  # 999.999999 million rounds up into billion
        (999_999, "100万", "999,999"),
        (Decimal("3.14159"), "3.14", "3.14"),
        (Decimal("2.005"), "2.01", "2.01"),  # half up, not to even
    ],
)
def test_approximate_numbers_round_half_up_in_the_magnitude(value, chinese, english):
    assert formats.number(value, ZH, approximate=True) == chinese
    assert formats.number(value, EN, approximate=True) == english


def test_number_uses_the_active_language_by_default():
    with translation.override(ZH):
        assert formats.number(10000) == "1万"
    with translation.override(EN):
        assert formats.number(10000) == "10,000"


@pytest.mark.parametrize(
    ("amount", "currency", "chinese", "english"),
    [
        (2_600_000_000, "USD", "26亿美元", "US$2.6 billion"),
        (6_500_000_000, "CNY", "65亿元", "RMB 6.5 billion"),
        (650_000_000, "cny", "6.5亿元", "RMB 650 million"),
        (50_000_000_000, "CNY", "500亿元", "RMB 50 billion"),
        (34_245_000_000, "CNY", "342.45亿元", "RMB 34.25 billion"),
        (1200, "CNY", "1200元", "RMB 1,200"),
        (30_000_000, "EUR", "3000万欧元", "€30 million"),
        (5000, "CHF", "5000CHF", "CHF 5,000"),
    ],
)
def test_money(amount, currency, chinese, english):
    assert formats.money(amount, currency, ZH) == chinese
    assert formats.money(amount, currency, EN) == english


def test_money_can_be_exact():
    assert formats.money(34_245_000_000, "CNY", EN, approximate=False) == "RMB 34,245,000,000"
    assert formats.money(34_245_000_000, "CNY", ZH, approximate=False) == "342.45亿元"


@pytest.mark.parametrize(
    ("m2", "land", "chinese", "english"),
    [
        (52_000_000, False, "52平方公里", "52 km²"),
        (11_600_000, False, "11.6平方公里", "11.6 km²"),
        (1_000_000, False, "1平方公里", "1 km²"),
        (999_999, False, "100万平方米", "999,999 m²"),
        (100_000, False, "10万平方米", "100,000 m²"),
        (45_000, False, "4.5万平方米", "45,000 m²"),
        (9999, False, "9999平方米", "9,999 m²"),
        (45_000, True, "67.5亩", "45,000 m²"),
        (Decimal("666.67"), True, "1亩", "666.67 m²"),
        (1000, True, "1.5亩", "1,000 m²"),
        (52_000_000, True, "7.8万亩", "52 km²"),
    ],
)
def test_area(m2, land, chinese, english):
    assert formats.area(m2, ZH, land=land) == chinese
    assert formats.area(m2, EN, land=land) == english


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (22, 1, "22%"),
        (Decimal("22.45"), 1, "22.5%"),
        (Decimal("33.333"), 0, "33%"),
        (0.5, 1, "0.5%"),
    ],
)
def test_percent(value, decimals, text):
    assert formats.percent(value, ZH, decimals) == text
    assert formats.percent(value, EN, decimals) == text


def test_year():
    assert formats.year(2019, ZH) == "2019年"
    assert formats.year(2019, EN) == "2019"


def test_date():
    day = datetime.date(2027, 5, 13)
    assert formats.date(day, ZH) == "2027年5月13日"
    assert formats.date(day, EN) == "13 May 2027"


def test_date_of_a_datetime_is_the_day_in_the_zone():
    late = datetime.datetime(2027, 5, 13, 17, 30, tzinfo=datetime.UTC)
    assert formats.date(late, ZH, zone="Asia/Shanghai") == "2027年5月14日"
    assert formats.date(late, EN, zone="Europe/Berlin") == "13 May 2027"


@pytest.mark.parametrize(
    ("start", "end", "chinese", "english"),
    [
        ((2027, 5, 13), (2027, 5, 13), "2027年5月13日", "13 May 2027"),
        ((2027, 5, 13), (2027, 5, 15), "2027年5月13日至15日", "13–15 May 2027"),
        ((2027, 5, 30), (2027, 6, 2), "2027年5月30日至6月2日", "30 May – 2 June 2027"),
        (
            (2026, 12, 30),
            (2027, 1, 2),
            "2026年12月30日至2027年1月2日",
            "30 December 2026 – 2 January 2027",
        ),
    ],
)
def test_date_range(start, end, chinese, english):
    start, end = datetime.date(*start), datetime.date(*end)
    assert formats.date_range(start, end, ZH) == chinese
    assert formats.date_range(start, end, EN) == english


@pytest.mark.parametrize(
    ("zone", "city", "chinese", "english"),
    [
        ("Asia/Shanghai", "青岛", "北京时间 14:00", "14:00 Beijing time"),
        ("Asia/Seoul", None, "首尔时间 15:00", "15:00 Seoul time"),
        ("Asia/Jerusalem", "特拉维夫", "特拉维夫时间 09:00", "09:00 特拉维夫 time"),
        ("Africa/Nairobi", None, "当地时间 09:00", "09:00 local time"),
    ],
)
def test_time_with_zone_never_prints_the_zone_name(zone, city, chinese, english):
    moment = at(2027, 5, 13, 14, 0)
    assert formats.time_with_zone(moment, zone, city, ZH) == chinese
    assert formats.time_with_zone(moment, zone, city, EN) == english
    assert zone not in formats.time_with_zone(moment, zone, None, ZH)


def test_venue_city_in_english():
    moment = at(2027, 5, 13, 14, 0)
    assert (
        formats.time_with_zone(moment, "Europe/Berlin", "Frankfurt", EN) == "08:00 Frankfurt time"
    )


def test_datetime_range():
    start, end = at(2027, 5, 13, 9, 0), at(2027, 5, 15, 17, 30)
    assert formats.datetime_range(start, end, "Asia/Shanghai", None, ZH) == (
        "2027年5月13日 09:00至15日 17:30（北京时间）"
    )
    assert formats.datetime_range(start, end, "Asia/Shanghai", None, EN) == (
        "13 May 2027, 09:00 – 15 May 2027, 17:30 (Beijing time)"
    )
    same_day = at(2027, 5, 13, 17, 0)
    assert formats.datetime_range(start, same_day, "Asia/Tokyo", None, ZH) == (
        "2027年5月13日 10:00至18:00（东京时间）"
    )
    assert formats.datetime_range(start, same_day, "Asia/Tokyo", None, EN) == (
        "13 May 2027, 10:00–18:00 (Tokyo time)"
    )


def test_separators_and_brackets():
    assert formats.comma(ZH) == "，" and formats.comma(EN) == ", "
    assert formats.join(["首尔", "釜山"], ZH) == "首尔、釜山"
    assert formats.join(["Seoul", "Busan"], EN) == "Seoul, Busan"
    assert formats.parenthesised("青岛", ZH) == "（青岛）"
    assert formats.parenthesised("Qingdao", EN) == " (Qingdao)"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "chinese", "english"),
    [
        (700, Unit.COUNT, Qualifier.MORE_THAN, "超过700", "more than 700"),
        (100, Unit.COUNT, Qualifier.ABOUT, "约100", "about 100"),
        (12930, Unit.COUNT, "", "12,930", "12,930"),
        (200, Unit.PEOPLE, Qualifier.MORE_THAN, "超过200人", "more than 200"),
        (2_600_000_000, Unit.USD, "", "26亿美元", "US$2.6 billion"),
        (6_500_000_000, Unit.CNY, "", "65亿元", "RMB 6.5 billion"),
        (52, Unit.KM2, "", "52平方公里", "52 km²"),
        (100_000, Unit.M2, "", "10万平方米", "100,000 m²"),
        (Decimal("67.5"), Unit.MU, "", "67.5亩", "45,000 m²"),
        (22, Unit.PERCENT, "", "22%", "22%"),
        (25_000_000, Unit.TEU, "", "2500万标准箱", "25 million TEU"),
        (14, Unit.HOURS, "", "14小时", "14 hours"),
        (2019, Unit.YEAR, "", "2019年", "2019"),
    ],
)
def test_measure_writes_every_unit(value, unit, qualifier, chinese, english):
    assert measure(value, unit, qualifier, ZH) == chinese
    assert measure(value, unit, qualifier, EN) == english


class TestOrder:
    def test_chinese_names_in_pinyin_order(self):
        names = ["中国", "巴西", "爱尔兰", "埃及", "阿根廷", "德国"]
        assert sorted_by_name(names, ZH) == ["阿根廷", "埃及", "爱尔兰", "巴西", "德国", "中国"]

    def test_polyphonic_place_names_read_as_names(self):
        # 重庆 is chóng, not zhòng: after 长沙 (cháng), before 大连.
        assert sorted_by_name(["大连", "重庆", "长沙"], ZH) == ["长沙", "重庆", "大连"]

    def test_english_names_alphabetical_ignoring_accents_and_case(self):
        names = ["Zambia", "Åland Islands", "albania", "Afghanistan", "Côte d'Ivoire", "Cuba"]
        assert sorted_by_name(names, EN) == [
            "Afghanistan",
            "Åland Islands",
            "albania",
            "Côte d'Ivoire",
            "Cuba",
            "Zambia",
        ]

    def test_sort_key_defaults_to_the_active_language(self):
        with translation.override(ZH):
            assert sort_key("阿") < sort_key("中")


class TestCountries:
    def test_chinese_list_in_pinyin_order_with_territories_named_as_china_does(self):
        names = [name for _code, name in country_choices(language=ZH)]
        assert names[0] == "阿尔巴尼亚"
        assert names[-4:] == ["中国", "中国澳门", "中国台湾", "中国香港"]
        assert not {"香港", "台湾", "澳门"} & set(names)
        assert "科科斯（基林）群岛" in names
        assert all(name == name.strip() for name in names)

    def test_english_list_alphabetical_with_hong_kong_china(self):
        choices = dict(country_choices(language=EN))
        names = list(choices.values())
        assert names == sorted_by_name(names, EN)
        assert choices["HK"] == "Hong Kong, China"
        assert choices["TW"] == "Taiwan, China"

    def test_a_subset_keeps_its_order(self):
        assert country_choices(["KR", "DE", "JP"], ZH) == [
            ("DE", "德国"),
            ("KR", "韩国"),
            ("JP", "日本"),
        ]
        assert country_choices(["KR", "DE", "JP"], EN) == [
            ("DE", "Germany"),
            ("JP", "Japan"),
            ("KR", "South Korea"),
        ]

    def test_countries_served_in_reading_order(self):
        from django_countries.fields import Country

        served = [Country("SG"), Country("MY"), Country("ID"), Country("TH")]
        with translation.override(ZH):
            assert [c.code for c in sorted_countries(served)] == ["MY", "TH", "SG", "ID"]
        with translation.override(EN):
            assert [c.code for c in sorted_countries(served)] == ["ID", "MY", "SG", "TH"]


class SampleForm(forms.Form):
    name = forms.CharField(label="Name")
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])
    other = forms.ChoiceField(choices=[("", "All kinds"), ("a", "A")], required=False)


class TestForms:
    def test_chinese_labels_end_in_a_full_width_colon(self):
        with translation.override(ZH):
            form = localise_form(SampleForm())
            assert form["name"].label_tag() == '<label for="id_name">Name：</label>'
            assert "请选择" in str(form["kind"])
            assert "---------" not in str(form["kind"])
            assert "All kinds" in str(form["other"])

    def test_english_labels_keep_the_colon(self):
        with translation.override(EN):
            form = localise_form(SampleForm())
            assert form["name"].label_tag() == '<label for="id_name">Name:</label>'
            assert "Please choose" in str(form["kind"])

    def test_no_colon_after_a_label_that_ends_a_sentence(self):
        with translation.override(ZH):
            form = SampleForm()
            form.fields["name"].label = "我同意。"
            assert form["name"].label_tag() == '<label for="id_name">我同意。</label>'

    def test_corrected_django_messages(self):
        with translation.override(ZH):
            email = forms.EmailField()
            with pytest.raises(forms.ValidationError) as error:
                email.clean("not-an-address")
            assert error.value.messages == ["请输入有效的电子邮箱地址。"]
            with pytest.raises(forms.ValidationError) as error:
                email.clean("")
            assert error.value.messages == ["请填写此项。"]


def render(source, **context):
    return Template("{% load localised %}" + source).render(Context(context))


class TestTemplateFilters:
    def test_filters_in_chinese(self):
        with translation.override(ZH):
            assert render("{{ v|money:'USD' }}", v=2_600_000_000) == "26亿美元"
            assert render("{{ v|km2 }}", v=Decimal("11.60")) == "11.6平方公里"
            assert render("{{ v|area:True }}", v=45_000) == "67.5亩"
            assert render("{{ v|number }}", v=12930) == "12,930"
            assert render("{{ v|number:True }}", v=12930) == "1.29万"
            assert render("{{ v|local_date }}", v=datetime.date(2027, 5, 13)) == "2027年5月13日"
            assert render("{{ v|year }}", v=2014) == "2014年"
            assert render("{{ v|percent }}", v=22) == "22%"
            assert render("{% comma %}") == "，"

    def test_filters_in_english(self):
        with translation.override(EN):
            assert render("{{ v|money:'USD' }}", v=2_600_000_000) == "US$2.6 billion"
            assert render("{{ v|km2 }}", v=Decimal("11.60")) == "11.6 km²"
            assert render("{{ v|local_date }}", v=datetime.date(2027, 5, 13)) == "13 May 2027"
            assert render("{% comma %}") == ", "

    def test_empty_values_print_nothing(self):
        assert (
            render("{{ v|money:'USD' }}{{ v|km2 }}{{ v|number }}{{ v|local_date }}", v=None) == ""
        )

    def test_event_tags(self):
        class Event:
            starts_at = at(2027, 5, 13, 9, 0)
            ends_at = at(2027, 5, 15, 17, 0)
            timezone = "Asia/Seoul"
            city = "首尔、釜山"

        with translation.override(ZH):
            assert render("{% event_dates e %}", e=Event()) == "2027年5月13日至15日"
            assert render("{% event_when e %}", e=Event()) == (
                "2027年5月13日 10:00至15日 18:00（首尔时间）"
            )
        Event.city = "Seoul and Busan"
        with translation.override(EN):
            assert render("{% event_when e %}", e=Event()) == (
                "13 May 2027, 10:00 – 15 May 2027, 18:00 (Seoul time)"
            )


@pytest.mark.django_db
def test_admin_country_lists_follow_the_editors_language(client, editor):
    chinese = client.get("/admin/projects/event/add/", headers={"accept-language": ZH})
    html = chinese.content.decode()
    assert html.index(">阿尔巴尼亚<") < html.index(">中国<") < html.index(">中国香港<")
    english = client.get("/admin/projects/event/add/", headers={"accept-language": EN})
    html = english.content.decode()
    assert html.index(">Afghanistan<") < html.index(">Hong Kong, China<") < html.index(">Zambia<")
