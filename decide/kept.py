"""What the comparison and the finder keep between visitors (web/fragments.py lookups).

A comparison's records are kept by the slugs asked for, until one of those records
changes; its table by the records' stamps, until they, or the sites, events and
policies it shows, change. The finder's result is kept by the answers it was read
from, until a policy or a park changes. Both also end with every page (OTHERS: a
sector, a district, a logistics node, a due publication) and with the day ("in
force" and "upcoming" are read on a date). What is per visitor (notices, the
answers echoed in the form, the query string) is rendered outside what is kept.
"""

from django.utils import timezone
from django.utils.safestring import mark_safe

from web import fragments, page_groups

# The types whose records a comparison table shows besides the compared ones.
SHOWN_TYPES = {"parks": ("site", "event", "policy"), "sites": ("event", "policy")}
# What the finder's result reads: the policies, and the parks they name.
FINDER_TYPES = ("policy", "park")


def _records_depends(model, slugs):
    keys = {key for slug in slugs for key in fragments.record_dependencies(model, slug)}
    return sorted(keys | {page_groups.OTHERS})


def records(model, slugs, select):
    """`select(slugs)` ({slug: record}), kept until one of these slugs' records changes
    (is edited, published, unpublished or created). Shared: read-only."""
    if not slugs:
        return {}
    name = f"compared:{model._meta.label_lower}:" + fragments.stamps(sorted(slugs))
    return fragments.lookup(name, lambda: select(slugs), _records_depends(model, slugs))


def _html(name, render, depends):
    # Rendered from the decide templates alone: no form, no script, so no CSRF token
    # or nonce (tests/test_decide_fragments.py checks).
    return mark_safe(fragments.lookup(name, lambda: str(render()), depends))


def comparison_table(kind, compared, render):
    """The comparison table of the records `compared`, in the active language."""
    model = type(compared[0])
    depends = _records_depends(model, [record.slug for record in compared])
    depends += [fragments.type_generation(key) for key in SHOWN_TYPES[kind]]
    name = f"compare-table:{kind}:" + fragments.stamps([*compared, timezone.localdate()])
    return _html(name, render, depends)


def finder_result(project, render):
    """The finder's result for the answers of `project`, in the active language."""
    depends = [fragments.type_generation(key) for key in FINDER_TYPES] + [page_groups.OTHERS]
    name = "finder-result:" + fragments.stamps([*project.answers, timezone.localdate()])
    return _html(name, render, depends)
