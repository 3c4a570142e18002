"""The stories pages that are no content type's (the registry's types have their own
sections, projects.sitemaps): the sector and the country pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects.models import Sector

from . import selectors


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


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
    "sectors": SectorSitemap,
    "countries": CountrySitemap,
}
