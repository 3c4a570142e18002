"""Small helpers that build valid stories records."""

import datetime
from itertools import count

from stories.models import BilateralFigure, GuideStep, NewsItem, Story

from .factories import bilingual, make_sector

_serial = count(1)


def _published(prefix, fields):
    slug = fields.pop("slug", f"{prefix}-{next(_serial)}")
    return slug, {
        "status": Story.Status.PUBLISHED,
        **bilingual("name", f"{prefix.title()} {slug}", f"中文名称{slug}"),
        **bilingual("summary", f"Summary of {slug}.", f"{slug}的简介。"),
    }


def make_story(**fields):
    slug, defaults = _published("story", fields)
    defaults.update(bilingual("title", f"Headline {slug}", f"标题{slug}"))
    defaults.update(country="KR", year=2019)
    if "sector" not in fields:
        defaults["sector"] = make_sector()
    return Story.objects.create(slug=slug, **{**defaults, **fields})


def make_news(**fields):
    slug, defaults = _published("news", fields)
    defaults["date"] = datetime.date(2019, 6, 1)
    return NewsItem.objects.create(slug=slug, **{**defaults, **fields})


def make_step(**fields):
    slug, defaults = _published("step", fields)
    defaults.update(bilingual("office", "Approval bureau", "行政审批服务局"), working_days=3)
    return GuideStep.objects.create(slug=slug, **{**defaults, **fields})


def make_figure(**fields):
    slug = fields.pop("slug", f"figure-{next(_serial)}")
    defaults = {
        "country": "KR",
        "value": 12930,
        **bilingual("label", "Korean projects in Qingdao", "韩国在青投资项目"),
        **bilingual("source_name", "Bureau of Commerce", "商务局"),
        "year": 2019,
    }
    return BilateralFigure.objects.create(slug=slug, **{**defaults, **fields})
