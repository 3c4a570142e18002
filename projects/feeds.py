"""RSS feeds of upcoming events and new policies, one per language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import Event, Policy

FEED_LENGTH = 30


class EventFeed(Feed):
    title = _("Invest Qingdao: upcoming events")
    description = _("Conferences, forums, fairs and promotion weeks where investors meet Qingdao.")

    def link(self):
        return reverse("projects:event_list")

    def items(self):
        return Event.objects.published().upcoming()[:FEED_LENGTH]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class PolicyFeed(Feed):
    title = _("Invest Qingdao: new policies")
    description = _("Incentives and regulations that investors in Qingdao can use.")

    def link(self):
        return reverse("projects:policy_list")

    def items(self):
        return Policy.objects.published().order_by("-created_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at
