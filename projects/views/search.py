from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language

from projects import selectors
from projects.forms import SearchForm

from .common import bounded_query, paginate

PER_PAGE = 20


def search_languages():
    """The page's language first; the others too, since names are often given in both."""
    current = get_language()
    return [current, *(code for code, _name in settings.LANGUAGES if code != current)]


@bounded_query
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "projects/search.html", {"form": form}, status=400)
    query = form.cleaned_data["q"]
    results = selectors.search(query, search_languages())
    return render(
        request,
        "projects/search.html",
        {"form": form, "query": query, "page": paginate(request, results, PER_PAGE)},
    )
