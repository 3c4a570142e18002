"""sitemap.xml: every public page in both languages, each naming its twin."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects.models import Event, OverseasCentre, Park, Policy
from stories.sitemaps import sitemaps as story_sitemaps


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ListSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        names = ["home", "park_list", "policy_list", "event_list", "centre_list"]
        return [f"projects:{name}" for name in names]

    def location(self, item):
        return reverse(item)


class NoticeSitemap(ListSitemap):
    """Pages about the site itself."""

    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return ["privacy"]


class RecordSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ParkSitemap(RecordSitemap):
    model = Park


class PolicySitemap(RecordSitemap):
    model = Policy


class EventSitemap(RecordSitemap):
    model = Event


class CentreSitemap(RecordSitemap):
    model = OverseasCentre


sitemaps = {
    "pages": ListSitemap,
    "parks": ParkSitemap,
    "policies": PolicySitemap,
    "events": EventSitemap,
    "centres": CentreSitemap,
    "notices": NoticeSitemap,
    **story_sitemaps,
}
