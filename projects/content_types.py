"""One declaration per public content type, and what the site derives from it.

A model joins by carrying `public = PublicType(...)` (and, for staff access alone,
`staff = StaffAccess()`). Search, the sitemap, the feeds, the enquiry form's topics,
the staff groups' permissions, the navigation, the URLs of types without views of
their own and the page inventory of the tests and the benchmark all read
`public_types()`; nothing else names the content types.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from django.apps import apps

EDITOR = "Editor"
OFFICER = "Investment officer"


@dataclass(frozen=True)
class StaffAccess:
    """Which staff groups may edit the model's records and which may only read them."""

    editors: tuple = (EDITOR,)
    readers: tuple = (OFFICER,)
    # What editors may do ("view", "delete"); empty: everything.
    editor_actions: tuple = ()
    # False for records no public page shows (an investor's subscription): writing them
    # keeps the cached public pages (web.invalidation).
    on_public_pages: bool = True


@dataclass(frozen=True)
class Feed:
    """An RSS feed of the type's records, at /<lang>/<path>/feed/."""

    title: Any
    description: Any
    # The records listed, newest or soonest first: a function of the published queryset.
    items: Callable = staticmethod(lambda published: published.order_by("-created_at"))
    # When an item was published, as an aware datetime.
    pubdate: Callable = staticmethod(lambda item: item.publish_at or item.created_at)


def own_topic(key):
    """The enquiry is about this record itself (a park, a centre)."""
    return lambda record: {key: record}


@dataclass(frozen=True)
class PublicType:
    key: str  # "park": URL names park_list/park_detail, ?park=<slug> on the enquiry form
    path: str  # "parks": /<lang>/parks/ and /<lang>/parks/<slug>/
    label: Any  # the navigation's name for the list page, e.g. _("Parks")
    position: int  # order in the navigation, search results and the sitemap
    # Translated fields searched, with their weights (a match in the name ranks higher).
    search_fields: dict = field(default_factory=lambda: {"name": 3, "summary": 2, "body": 1})
    sitemap_priority: float = 0.6
    sitemap_changefreq: str = "weekly"
    feed: Feed | None = None
    # The enquiry form's initial fields for a record of this type (None: no topic).
    enquiry: Callable | None = None
    staff: StaffAccess = StaffAccess()
    in_navigation: bool = True
    # Page budgets: SQL queries and server time (median, ms) of the list and detail pages.
    list_queries: int = 3
    detail_queries: int = 3
    list_ms: int = 6  # projects.inventory.LIST_MS
    detail_ms: int = 3  # projects.inventory.DETAIL_MS
    # Views of its own ("projects.views.park_list"); else the generic ones.
    list_view: str = ""
    detail_view: str = ""
    # The URL namespace of its pages: the app's, e.g. "stories".
    namespace: str = "projects"
    # Other public pages of its app, no record's: (label, URL name, SQL query budget).
    # They join the sitemap and the page inventory.
    pages: tuple = ()
    model: Any = None

    @property
    def list_url_name(self):
        return f"{self.app_label}:{self.key}_list"

    @property
    def detail_url_name(self):
        return f"{self.app_label}:{self.key}_detail"

    @property
    def feed_url_name(self):
        return f"{self.app_label}:{self.key}_feed"

    @property
    def app_label(self):
        return self.namespace

    def published(self):
        return self.model.objects.published()


@cache
def public_types():
    """Every declared type, bound to its model, in navigation order."""
    found = [
        replace(model.public, model=model)
        for model in apps.get_models()
        if isinstance(getattr(model, "public", None), PublicType)
    ]
    return sorted(found, key=lambda declared: declared.position)


def public_type(key):
    return next(declared for declared in public_types() if declared.key == key)


def staff_models():
    """(model, StaffAccess) for every model staff work on: public types and their parts."""
    for model in apps.get_models():
        access = getattr(model, "staff", None)
        public = getattr(model, "public", None)
        if isinstance(public, PublicType):
            access = public.staff
        if isinstance(access, StaffAccess):
            yield model, access


def private_models():
    """Models of the content apps that no public page shows (`on_public_pages=False`)."""
    return {model for model, access in staff_models() if not access.on_public_pages}


def enquiry_topics():
    """{key: (published records, initial fields)} for the enquiry form's pre-filling."""
    return {
        declared.key: (declared.published, declared.enquiry)
        for declared in public_types()
        if declared.enquiry
    }


def sync_staff_groups(app_config, using="default", apps=apps, **kwargs):
    """post_migrate: give the staff groups their rights on this app's models.

    Runs after every migrate and after every test database flush, once per app, after
    Django has created that app's permissions; rights are only ever added. `apps` is
    the migrated state: a model (or app) migrated back to zero is skipped.
    """
    from django.db import router

    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:
        return
    if not router.allow_migrate_model(using, Group):
        return  # another database (the cache's)
    for model, access in staff_models():
        if model._meta.app_config.label != app_config.label:
            continue
        try:
            apps.get_model(model._meta.label)
        except LookupError:
            continue
        content_type = ContentType.objects.db_manager(using).get_by_natural_key(
            model._meta.app_label, model._meta.model_name
        )
        rights = Permission.objects.using(using).filter(content_type=content_type)
        editable = rights
        if access.editor_actions:
            codenames = [f"{action}_{model._meta.model_name}" for action in access.editor_actions]
            editable = rights.filter(codename__in=codenames)
        for name in access.editors:
            Group.objects.using(using).get_or_create(name=name)[0].permissions.add(*editable)
        for name in access.readers:
            group = Group.objects.using(using).get_or_create(name=name)[0]
            group.permissions.add(*rights.filter(codename__startswith="view_"))
