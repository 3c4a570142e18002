from django.urls import path

from . import views
from .feeds import EventFeed, PolicyFeed

app_name = "projects"

urlpatterns = [
    path("", views.home, name="home"),
    path("parks/", views.park_list, name="park_list"),
    path("parks/<slug:slug>/", views.park_detail, name="park_detail"),
    path("policies/", views.policy_list, name="policy_list"),
    path("policies/feed/", PolicyFeed(), name="policy_feed"),
    path("policies/<slug:slug>/", views.policy_detail, name="policy_detail"),
    path("policies/<slug:slug>/document/", views.policy_document, name="policy_document"),
    path("events/", views.event_list, name="event_list"),
    path("events/feed/", EventFeed(), name="event_feed"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event_ics"),
    path("centres/", views.centre_list, name="centre_list"),
    path("centres/<slug:slug>/", views.centre_detail, name="centre_detail"),
    path("search/", views.search, name="search"),
]
