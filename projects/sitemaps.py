"""sitemap.xml: every public page in every language, each naming its twins.

One section of list pages, one per content type (projects.content_types), the notices.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects.content_types import public_types


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ListSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "projects:home",
            *(declared.list_url_name for declared in public_types()),
            *(url_name for declared in public_types() for _label, url_name, _q in declared.pages),
        ]

    def location(self, item):
        return reverse(item)


class NoticeSitemap(ListSitemap):
    """Pages about the site itself."""

    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return ["privacy", "about:contact", "about:accessibility", "about:site_map"]


class RecordSitemap(BilingualSitemap):
    declared = None

    def items(self):
        return self.declared.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    @property
    def priority(self):
        return self.declared.sitemap_priority

    @property
    def changefreq(self):
        return self.declared.sitemap_changefreq


def record_sitemap(declared):
    return type(f"{declared.model.__name__}Sitemap", (RecordSitemap,), {"declared": declared})


sitemaps = {
    "pages": ListSitemap,
    **{declared.path: record_sitemap(declared) for declared in public_types()},
    "notices": NoticeSitemap,
}
