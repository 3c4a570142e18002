"""Numbers, money, areas, dates and times as each language writes them.

The one place for locale formatting: templates use these through the
`localised` template library. Every function takes the language explicitly
or uses the active one.

The one rule for large numbers: from 万 (10,000) in Chinese and from a
million in English, a figure is written in the magnitude (1.29万, 26亿,
2.6 billion) when it is exact there to two decimals, and in full with
thousands separators otherwise (12,930), so the stored precision decides.
`approximate=True` rounds to the magnitude's two decimals (half up) instead.
"""

import datetime
import zoneinfo
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

HUNDREDTH = Decimal("0.01")
# 1 亩 = 666.67 m² (exactly 2000/3 m²).
SQUARE_METRES_PER_MU = Decimal(2000) / Decimal(3)
SQUARE_METRES_PER_KM2 = Decimal(1_000_000)
MAGNITUDES = {
    "zh": [(Decimal("1e12"), "万亿"), (Decimal("1e8"), "亿"), (Decimal("1e4"), "万")],
    "en": [(Decimal("1e12"), "trillion"), (Decimal("1e9"), "billion"), (Decimal("1e6"), "million")],
}
# Chinese puts the currency after the number, English before it.
CURRENCIES = {
    "zh": {
        "CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑",
        "JPY": "日元", "KRW": "韩元", "HKD": "港元",
    },
    "en": {
        "CNY": "RMB ", "USD": "US$", "EUR": "€", "GBP": "£",
        "JPY": "JPY ", "KRW": "KRW ", "HKD": "HK$",
    },
}  # fmt: skip
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Zones that keep China's standard time: written 北京时间 / Beijing time.
CHINA_ZONES = {"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"}
# The city a zone is known by, for events whose city field names several places.
ZONE_CITIES = {
    "Asia/Seoul": gettext_lazy("Seoul"),
    "Asia/Tokyo": gettext_lazy("Tokyo"),
    "Asia/Singapore": gettext_lazy("Singapore"),
    "Asia/Hong_Kong": gettext_lazy("Hong Kong"),
    "Asia/Jerusalem": gettext_lazy("Jerusalem"),
    "Asia/Almaty": gettext_lazy("Almaty"),
    "Asia/Bishkek": gettext_lazy("Bishkek"),
    "Asia/Karachi": gettext_lazy("Karachi"),
    "Europe/Berlin": gettext_lazy("Berlin"),
    "Europe/London": gettext_lazy("London"),
    "Europe/Moscow": gettext_lazy("Moscow"),
    "America/New_York": gettext_lazy("New York"),
}


def language_of(language=None):
    return (language or translation.get_language() or settings.LANGUAGE_CODE).lower()


def is_chinese(language=None):
    return language_of(language).startswith("zh")


def _family(language):
    return "zh" if is_chinese(language) else "en"


def _decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def digits(value, language=None):
    """The number in full: thousands separators (in Chinese from five digits), no trailing zeros."""
    value = _decimal(value)
    text = format(value.normalize() if value == value.to_integral() else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign, whole, fraction = "", *text.partition(".")[::2]
    if whole.startswith("-"):
        sign, whole = "-", whole[1:]
    if len(whole) > (4 if is_chinese(language) else 3):
        whole = f"{int(whole):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


def scaled(value, language=None, approximate=False):
    """(digits, magnitude word) by the one rule; the word is "" when written in full."""
    value = _decimal(value)
    magnitudes = MAGNITUDES[_family(language)]
    for index, (size, word) in enumerate(magnitudes):
        if abs(value) < size:
            continue
        exact = value / size
        rounded = exact.quantize(HUNDREDTH, ROUND_HALF_UP)
        if rounded != exact and not approximate:
            break
        if index and abs(rounded) * size >= magnitudes[index - 1][0]:
            return scaled(rounded * size, language)  # 9999.995万 is 1亿
        return digits(rounded, language), word
    else:
        if approximate:
            rounded = value.quantize(HUNDREDTH, ROUND_HALF_UP)
            if abs(rounded) >= magnitudes[-1][0]:
                return scaled(rounded, language)  # 9999.999 is 1万
            value = rounded
    return digits(value, language), ""


def number(value, language=None, approximate=False):
    """12,930 · 1.29万 · 26亿 · 2.6 billion (see the module's one rule)."""
    text, word = scaled(value, language, approximate)
    if not word:
        return text
    return f"{text}{word}" if is_chinese(language) else f"{text} {word}"


def money(amount, currency, language=None, approximate=True):
    """26亿美元 · 6.5亿元 · US$2.6 billion · RMB 6.5 billion.

    Sums are written in the magnitude, rounded to its two decimals, unless
    `approximate=False` asks for the one rule's exact form.
    """
    currency = currency.upper()
    symbol = CURRENCIES[_family(language)].get(currency)
    if is_chinese(language):
        return f"{number(amount, language, approximate)}{symbol or currency}"
    return f"{symbol or currency + ' '}{number(amount, language, approximate)}"


def area(m2, language=None, land=False):
    """52平方公里 · 4.5万平方米 · 67.5亩 (land) · 52 km² · 45,000 m²."""
    m2 = _decimal(m2)
    if is_chinese(language):
        if land:
            return f"{number(m2 / SQUARE_METRES_PER_MU, language, approximate=True)}亩"
        if m2 >= SQUARE_METRES_PER_KM2:
            return f"{number(m2 / SQUARE_METRES_PER_KM2, language, approximate=True)}平方公里"
        return f"{number(m2, language, approximate=True)}平方米"
    if m2 >= SQUARE_METRES_PER_KM2:
        return f"{number(m2 / SQUARE_METRES_PER_KM2, language, approximate=True)} km²"
    return f"{number(m2.quantize(HUNDREDTH, ROUND_HALF_UP), language)} m²"


def percent(value, language=None, decimals=1):
    """22% · 22.5%: `value` is already in per cent, rounded to `decimals` (half up)."""
    quantum = Decimal(1).scaleb(-decimals)
    return f"{digits(_decimal(value).quantize(quantum, ROUND_HALF_UP), language)}%"


def year(value, language=None):
    """2019年 · 2019."""
    return f"{value}年" if is_chinese(language) else str(value)


def _local(value, zone=None):
    """A date as is; a datetime in `zone` (a tz name) or the current time zone."""
    if isinstance(value, datetime.datetime):
        tz = zoneinfo.ZoneInfo(zone) if zone else timezone.get_current_timezone()
        return value.astimezone(tz) if timezone.is_aware(value) else value
    return value


def date(value, language=None, zone=None):
    """2027年5月13日 · 13 May 2027."""
    value = _local(value, zone)
    if is_chinese(language):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def date_range(start, end, language=None, zone=None):
    """2027年5月13日至15日 · 13–15 May 2027; one date when both fall on the same day."""
    start, end = _local(start, zone), _local(end, zone)
    if (start.year, start.month, start.day) == (end.year, end.month, end.day):
        return date(start, language)
    if is_chinese(language):
        return f"{date(start, language)}至{_chinese_tail(start, end)}"
    if start.year != end.year:
        return f"{date(start, language)} – {date(end, language)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {date(end, language)}"
    return f"{start.day}–{date(end, language)}"


def _chinese_tail(start, end):
    """The end date without what it shares with the start: 15日, 6月2日, 2028年1月2日."""
    if start.year != end.year:
        return date(end, "zh-hans")
    if start.month != end.month:
        return f"{end.month}月{end.day}日"
    return f"{end.day}日"


def zone_name(zone, city=None, language=None):
    """北京时间 · 首尔时间 · Beijing time · Seoul time: never the tz database name."""
    with translation.override(language_of(language)):
        if zone in CHINA_ZONES:
            return gettext("Beijing time")
        city = city or ZONE_CITIES.get(zone)
        if city:
            return gettext("%(city)s time") % {"city": city}
        return gettext("local time")


def clock(value, zone=None):
    """14:00 in the venue's zone (24-hour clock in both languages)."""
    return _local(value, zone).strftime("%H:%M")


def time_with_zone(value, zone, city=None, language=None):
    """北京时间 14:00 · 首尔时间 09:30 · 14:00 Beijing time."""
    words = zone_name(zone, city, language)
    if is_chinese(language):
        return f"{words} {clock(value, zone)}"
    return f"{clock(value, zone)} {words}"


def datetime_range(start, end, zone, city=None, language=None):
    """Start and end with the zone in words.

    2027年5月13日 09:00至15日 17:00（北京时间） ·
    13 May 2027, 09:00 – 15 May 2027, 17:00 (Beijing time).
    """
    words = zone_name(zone, city, language)
    s, e = _local(start, zone), _local(end, zone)
    same_day = s.date() == e.date()
    if is_chinese(language):
        tail = "" if same_day else _chinese_tail(s, e) + " "
        return f"{date(s, language)} {clock(s, zone)}至{tail}{clock(e, zone)}（{words}）"
    if same_day:
        return f"{date(s, language)}, {clock(s, zone)}–{clock(e, zone)} ({words})"
    return (
        f"{date(s, language)}, {clock(s, zone)} – {date(e, language)}, {clock(e, zone)} ({words})"
    )


def separator(language=None):
    """Between items of a list in running text: 、 in Chinese, a comma in English."""
    return "、" if is_chinese(language) else ", "


def comma(language=None):
    """Between the parts of a place or a clause: ， in Chinese, a comma in English."""
    return "，" if is_chinese(language) else ", "


def parenthesised(text, language=None):
    """（青岛） in Chinese, " (Qingdao)" in English."""
    return f"（{text}）" if is_chinese(language) else f" ({text})"


def join(items, language=None):
    return separator(language).join(str(item) for item in items)
