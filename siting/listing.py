"""The site list's pieces kept in the cache: what the filters in the address select, the
page of sites with its count, and what the page's cards show.

A list page of another type keeps its count and the keys of its page, and reads the
page's records by key on each request (projects.views.common.paginate). A site card
shows its park and district besides the site, and reading twenty sites with them costs
more than the rest of a warm page: the records themselves are kept instead, until a
site changes (the type's generation), a park (the site lists' generation, which a
park's edit ends) or anything of no public type, such as a district or a sector.
"""

from django.core.paginator import Paginator

from projects import selectors as content
from projects.park_field import SUGGESTIONS
from web import fragments, page_groups

from . import selectors
from .forms import SiteFilterForm

TYPE = "site"
# The filter options come from the parks and from tables of no public type.
OPTIONS = "park"


def depends():
    return [fragments.type_generation(TYPE), page_groups.lists_key(TYPE), page_groups.OTHERS]


def filter_form(request):
    parks = fragments.lookup(
        "site-park-suggestions",
        lambda: content.park_suggestions(SUGGESTIONS),
        depends=fragments.of_type(OPTIONS),
    )
    return SiteFilterForm(
        request.GET,
        parks=parks,
        districts=content.cached_districts(),
        sectors=content.cached_sectors(),
        nodes=selectors.cached_nodes(),
    )


def filter_params(request):
    """The filters in the address as typed: what the form shows, the key of what it selects."""
    return sorted((name, request.GET.getlist(name)) for name in SiteFilterForm.base_fields)


def chosen(request, form):
    """{"filters": what `form` (lazy: built only on a miss) selects, as keyword arguments
    of selectors.sites, "problems": the values it drops, with their messages}, kept by
    the filters as typed until the options change."""

    def read():
        problems = [(str(label), str(message)) for label, message in form.problems()]
        return {"filters": form.filters(), "problems": problems}

    key = fragments.stamps(filter_params(request))
    return fragments.lookup(f"{TYPE}-filters:{key}", read, fragments.of_type(OPTIONS))


def form_key(request, problems):
    """The filter form's HTML as the address asks for it (None when it names problems:
    rendered, not kept), with the shortlist it carries."""
    if problems:
        return None
    return fragments.stamps([*filter_params(request), request.GET.getlist("compare")])


def card_node(node):
    """What a site card shows of the node the list measures from: its slug, or nothing."""
    return node.slug if node is not None else ""


def _kept(filters):
    """The filters as the kept page of sites knows them: the node by its slug."""
    return {**filters, **({"node": card_node(filters["node"])} if "node" in filters else {})}


def listed_page(request, filters, per_page):
    """The requested page of the sites `filters` select (a malformed number gives the
    first, too high the last). Its records are shared by this process's requests: copy
    one before marking it (priming its fragments)."""
    key = fragments.stamps(sorted(_kept(filters).items()))
    count = fragments.lookup(
        f"{TYPE}-count:{key}", lambda: selectors.sites(**filters).count(), depends()
    )
    # Paged by the count alone: the query of the records is built only when they are read.
    page = Paginator(range(count), per_page).get_page(request.GET.get("page"))
    start = (page.number - 1) * per_page
    page.object_list = fragments.lookup(
        f"{TYPE}-page:{key}:{page.number}:{per_page}",
        lambda: list(selectors.sites(**filters)[start : start + per_page]),
        depends(),
    )
    return page


def cards_key(request, found, shown):
    """What the list's cards show: the sites and their parks (by pk and `updated_at`),
    the filters their links carry, the node and price compared, the visitor's shortlist."""
    parks = sorted({site.park for site in found if site.park_id}, key=lambda park: park.pk)
    return fragments.stamps([*found, *parks, *shown, *request.GET.getlist("compare")])
