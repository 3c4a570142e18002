"""The news feed, one per language (the URL's language prefix picks it)."""

from django.utils.translation import gettext_lazy as _

from projects.feeds import FEED_LENGTH, RecordFeed

from .models import NewsItem


class NewsFeed(RecordFeed):
    title = _("Invest Qingdao: news")
    description = _("News for investors about Qingdao's parks, policies and partners.")
    list_url_name = "stories:news_list"

    def items(self):
        return NewsItem.objects.published()[:FEED_LENGTH]

    def item_pubdate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.date, time(9)))
