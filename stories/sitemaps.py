"""The stories pages in sitemap.xml, both languages each."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects.models import Sector

from . import selectors
from .models import GuideStep, NewsItem, Story


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StoryListSitemap(Bilingual):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["stories:story_list", "stories:news_list", "stories:guide"]

    def location(self, item):
        return reverse(item)


class Records(Bilingual):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class StorySitemap(Records):
    model = Story


class NewsSitemap(Records):
    model = NewsItem


class GuideStepSitemap(Records):
    model = GuideStep


class SectorSitemap(Bilingual):
    def items(self):
        return list(Sector.objects.order_by("position", "slug"))

    def location(self, item):
        return reverse("stories:sector_detail", kwargs={"slug": item.slug})


class CountrySitemap(Bilingual):
    def items(self):
        return sorted(selectors.served_countries(selectors.centres()))

    def location(self, item):
        return reverse("stories:country_detail", kwargs={"code": item.lower()})


sitemaps = {
    "story-pages": StoryListSitemap,
    "stories": StorySitemap,
    "news": NewsSitemap,
    "guide": GuideStepSitemap,
    "sectors": SectorSitemap,
    "countries": CountrySitemap,
}
