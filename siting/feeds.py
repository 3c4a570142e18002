"""RSS feed of newly listed available sites, one per language."""

from django.utils.translation import gettext_lazy as _

from projects.feeds import FEED_LENGTH, RecordFeed

from .selectors import published_sites


class SiteFeed(RecordFeed):
    title = _("Invest Qingdao: available sites")
    description = _("Land, factories, offices, warehouses and laboratories ready for investors.")
    list_url_name = "siting:site_list"

    def items(self):
        return published_sites().order_by("-created_at")[:FEED_LENGTH]
