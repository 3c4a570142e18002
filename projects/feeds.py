"""RSS feeds, one per content type that declares one, in each language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse

FEED_LENGTH = 30


class RecordFeed(Feed):
    """Items are published records: name, summary and publication dates."""

    def __init__(self, declared):
        super().__init__()
        self.declared = declared
        self.title = declared.feed.title
        self.description = declared.feed.description

    def link(self):
        return reverse(self.declared.list_url_name)

    def items(self):
        return self.declared.feed.items(self.declared.published())[:FEED_LENGTH]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return self.declared.feed.pubdate(item)

    def item_updateddate(self, item):
        return item.updated_at
