from django.urls import path
from django.utils.module_loading import import_string

from . import views
from .content_types import public_types
from .feeds import RecordFeed

app_name = "projects"


def type_urls(declared):
    """List, feed and detail page of one content type, from its declaration."""
    list_view = import_string(declared.list_view) if declared.list_view else views.record_list
    detail_view = (
        import_string(declared.detail_view) if declared.detail_view else views.record_detail
    )
    kwargs = {"key": declared.key}
    urls = [
        path(
            f"{declared.path}/",
            list_view,
            {} if declared.list_view else kwargs,
            name=f"{declared.key}_list",
        )
    ]
    if declared.feed:
        urls.append(
            path(f"{declared.path}/feed/", RecordFeed(declared), name=f"{declared.key}_feed")
        )
    urls.append(
        path(
            f"{declared.path}/<slug:slug>/",
            detail_view,
            {} if declared.detail_view else kwargs,
            name=f"{declared.key}_detail",
        )
    )
    return urls


def declared_urls(namespace):
    """The pages of every content type whose pages live in this URL namespace."""
    return [
        url
        for declared in public_types()
        if declared.namespace == namespace
        for url in type_urls(declared)
    ]


urlpatterns = [
    path("", views.home, name="home"),
    *declared_urls(app_name),
    path("policies/<slug:slug>/document/", views.policy_document, name="policy_document"),
    path("events/<slug:slug>/calendar.ics", views.event_ics, name="event_ics"),
    path("search/", views.search, name="search"),
]
