from django.urls import path, re_path

from . import subscription_views, views
from .feeds import NewsFeed

app_name = "stories"

urlpatterns = [
    path("stories/", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.story_detail, name="story_detail"),
    path("news/", views.news_list, name="news_list"),
    path("news/feed/", NewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views.news_detail, name="news_detail"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector_detail"),
    re_path(r"^countries/(?P<code>[a-z]{2})/$", views.country_detail, name="country_detail"),
    path("how-to-invest/", views.guide, name="guide"),
    path("how-to-invest/<slug:slug>/", views.guide_step, name="guide_step"),
    path("subscribe/", subscription_views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", subscription_views.confirm, name="subscription_confirm"),
    path(
        "subscribe/unsubscribe/<str:token>/",
        subscription_views.unsubscribe,
        name="subscription_unsubscribe",
    ),
]
