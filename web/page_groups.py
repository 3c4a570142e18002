"""Which cached pages an edit can change: pages are grouped, each group has a generation.

A type's list and feed pages, and each of its detail pages (by slug), belong to that
content type; every other public page (home, search, sitemap, sector and country
pages, comparisons, the apps' own pages) is "shared": it may show anything. A page's
cache key holds the generations of its groups, so deleting a generation clears its pages.

An edit to a record of type T clears: every page of T (a detail page may show its
siblings), the shared pages, the lists of the types related to T, and the detail pages
of the records linked to the edited one. When the records are unknown (a queryset
update, raw SQL, a delete), every page of T and of its related types goes; a write to
any other content table (sectors, districts, images…) clears every page.
"""

from functools import cache, lru_cache

from django.db.models import ForeignObjectRel
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, override

SHARED = "public-pages:generation"
# Ends only with every page: a write to a content table of no public type (sectors,
# districts, images...), or a due publication. Lookups of such tables depend on it.
OTHERS = f"{SHARED}:others"


def type_key(key):
    return f"{SHARED}:{key}"


def lists_key(key):
    return f"{SHARED}:{key}:lists"


def record_key(key, slug):
    return f"{SHARED}:{key}:{slug}"


def whole_key(key):
    """Ends when the type's records changed without being named (and with every page):
    what a record's cached fragments (web/fragments.py) hold besides their own key."""
    return f"{SHARED}:{key}:whole"


@cache
def types_by_url_name():
    from projects.content_types import public_types

    names = {}
    for declared in public_types():
        names[declared.list_url_name] = (declared.key, None)
        names[declared.feed_url_name] = (declared.key, None)
        names[declared.detail_url_name] = (declared.key, "slug")
    return names


@lru_cache(maxsize=2048)  # read by the page cache and by each request's first generation read
def page_generations(path):
    """The generation keys of the page at `path`: its type's and its own, or the shared one."""
    language = get_language_from_path(path)
    try:
        with override(language):
            match = resolve(path)
    except Resolver404:
        return (SHARED,)
    found = types_by_url_name().get(match.view_name)
    if found is None:
        return (SHARED,)
    key, kwarg = found
    if kwarg is None:
        return (type_key(key), lists_key(key))
    slug = match.kwargs.get(kwarg)
    return (type_key(key), record_key(key, slug)) if slug else (SHARED,)


# From a write to the generations it ends ---------------------------------------------


@cache
def type_of_model():
    from projects.content_types import public_types

    return {declared.model: declared.key for declared in public_types()}


@cache
def relations(model):
    """{related type key: [(field name to filter the related model by, forward FK?)]}."""
    found = {}
    for field in model._meta.get_fields():
        related = field.related_model if field.is_relation else None
        key = type_of_model().get(related)
        if key is None or related is model:
            continue
        reverse = isinstance(field, ForeignObjectRel)
        forward_fk = not reverse and (field.many_to_one or field.one_to_one)
        name = field.field.name if reverse else field.related_query_name()
        found.setdefault(key, []).append((name, forward_fk))
    return found


def everything():
    keys = type_of_model().values()
    return {SHARED, OTHERS, *(type_key(key) for key in keys), *(whole_key(key) for key in keys)}


def whole_types(model):
    """An edit to `model`'s records, which records unknown."""
    key = type_of_model().get(model)
    if key is None:
        return everything()
    ends = {SHARED, type_key(key), whole_key(key)}
    for other in relations(model):
        ends |= {type_key(other), whole_key(other)}
    return ends


def for_records(model, pks):
    """An edit to the records `pks` of a public type's model."""
    key = type_of_model()[model]
    ends = {SHARED, type_key(key)}
    # The edited records' own key: their fragments go (an m2m change leaves updated_at).
    slugs = model._base_manager.filter(pk__in=pks).values_list("slug", flat=True)
    ends.update(record_key(key, slug) for slug in slugs)
    for other, links in relations(model).items():
        if any(forward_fk for _name, forward_fk in links):
            # The old target of a changed foreign key is not known here: all its pages.
            ends |= {type_key(other), whole_key(other)}
            continue
        ends.add(lists_key(other))
        other_model = next(m for m, k in type_of_model().items() if k == other)
        for name, _forward_fk in links:
            slugs = other_model._base_manager.filter(**{f"{name}__in": pks}).values_list(
                "slug", flat=True
            )
            ends.update(record_key(other, slug) for slug in slugs)
    return ends
