"""RSS feeds of upcoming events and new policies, one per language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import Event, Policy

FEED_LENGTH = 30


class RecordFeed(Feed):
    """Items are published records: name, summary and publication dates."""

    list_url_name = None

    def link(self):
        return reverse(self.list_url_name)

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class EventFeed(RecordFeed):
    title = _("Invest Qingdao: upcoming events")
    description = _("Conferences, forums, fairs and promotion weeks where investors meet Qingdao.")
    list_url_name = "projects:event_list"

    def items(self):
        return Event.objects.published().upcoming()[:FEED_LENGTH]


class PolicyFeed(RecordFeed):
    title = _("Invest Qingdao: new policies")
    description = _("Incentives and regulations that investors in Qingdao can use.")
    list_url_name = "projects:policy_list"

    def items(self):
        return Policy.objects.published().order_by("-created_at")[:FEED_LENGTH]
