"""The stories pages: thin views over stories.selectors."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from localisation import formats
from projects.models import Sector
from projects.views.common import bounded_query, detail_record, lazy_items, listed, paginate
from web import charts, fragments, page_groups

from . import selectors
from .forms import StoryFilterForm, SubscribeForm, year_or_none
from .models import NewsItem, Story

PER_PAGE = 24


@bounded_query
def story_list(request):
    choices = fragments.lookup(
        "story-filter-choices",
        selectors.story_filter_choices,
        # Sectors are no public type: a write to them ends the OTHERS generation.
        depends=[
            fragments.type_generation("story"),
            fragments.type_generation("park"),
            page_groups.OTHERS,
        ],
    )
    form = StoryFilterForm(request.GET, *choices)
    filters = form.filters()

    def results():
        return {
            "page": paginate(request, selectors.stories(**filters), PER_PAGE, ("story", filters))
        }

    return render(request, "stories/story_list.html", {"form": form, **listed(request, results)})


def story_detail(request, slug):
    story = detail_record(Story, slug, selectors.story_detail, "story-body")
    return render(request, "stories/story_detail.html", {"story": story, "record": story})


@bounded_query
def news_list(request):
    years = fragments.lookup(
        "news-years", selectors.news_years, depends=[fragments.type_generation("news")]
    )
    year = year_or_none(request.GET.get("year"), years)

    def results():
        return {"page": paginate(request, selectors.news(year), PER_PAGE)}

    return render(
        request,
        "stories/news_list.html",
        {"years": years, "year": year, **listed(request, results)},
    )


def news_detail(request, slug):
    item = detail_record(NewsItem, slug, selectors.news_detail, "news-body")
    return render(request, "stories/news_detail.html", {"item": item, "record": item})


SECTOR_PAGE_KEYS = ("parks", "sites", "policies", "stories", "events", "news")
COUNTRY_PAGE_KEYS = ("profile", "figures", "parks", "stories", "events", "policies", "news")


def sector_detail(request, slug):
    sector = detail_record(Sector, slug, selectors.sector_detail, "sector-page")
    return render(
        request,
        "stories/sector_detail.html",
        {
            "sector": sector,
            "figures": SimpleLazyObject(lambda: list(sector.figures.all())),
            "subscribe": SubscribeForm(initial={"topic": "sector", "key": sector.slug}),
            # Read only when the cached page body misses.
            **lazy_items(lambda: selectors.sector_page(sector), SECTOR_PAGE_KEYS),
        },
    )


def country_detail(request, code):
    serving = fragments.lookup(
        "served-countries",
        lambda: selectors.served_countries(selectors.centres()),
        depends=fragments.of_type("centre"),
    )
    code = code.upper()
    if code not in serving or code != code.strip():
        raise Http404
    page = SimpleLazyObject(lambda: selectors.country_page(code))

    def money_chart():
        money = [figure for figure in page["figures"] if figure.unit == "usd"]
        return figures_chart(money, _("Investment and trade in US dollars"))

    return render(
        request,
        "stories/country_detail.html",
        {
            "code": code,
            "country_name": country_names.name(code),
            "centres": serving[code],
            "money_chart": SimpleLazyObject(money_chart),
            "subscribe": SubscribeForm(initial={"topic": "country", "key": code.lower()}),
            # Read only when the cached page body misses.
            **lazy_items(lambda: page, COUNTRY_PAGE_KEYS),
        },
    )


def guide(request):
    def read():
        steps = selectors.guide_steps()
        timed = [step.working_days for step in steps if step.working_days]
        return {"steps": steps, "total_days": sum(timed), "untimed": len(steps) - len(timed)}

    return render(
        request, "stories/guide.html", listed(request, read, ("steps", "total_days", "untimed"))
    )


def guide_step(request, slug):
    step = get_object_or_404(selectors.guide_step(slug))
    steps = selectors.guide_steps()
    index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
    return render(
        request,
        "stories/guide_step.html",
        {
            "step": step,
            "record": step,
            "number": index + 1,
            "count": len(steps),
            "previous": steps[index - 1] if index else None,
            "next": steps[index + 1] if index + 1 < len(steps) else None,
        },
    )


def figures_chart(figures, title, label=lambda figure: figure.label):
    """Bars for key figures in one unit, each row with its year and source."""
    return charts.bars(
        [
            charts.Datum(
                label(figure),
                figure.value,
                figure.display_value,
                " · ".join(t for t in (_year(figure), figure.source_name) if t),
                figure.source_url,
            )
            for figure in figures
        ],
        title=title,
        note_heading=_("Year and source"),
    )


def _year(figure):
    return formats.year(figure.year) if figure.year else ""


def projects_chart():
    """Investment projects per partner country, for the home page."""
    return figures_chart(
        selectors.projects_by_country(),
        _("Investment projects in Qingdao by country"),
        label=lambda figure: figure.country.name,
    )
