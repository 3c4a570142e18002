from django.shortcuts import render

from projects import selectors
from projects.forms import SearchForm
from search import tokens

from .common import bounded_query, listed, paginate

PER_PAGE = 20


@bounded_query
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "projects/search.html", {"form": form}, status=400)
    query, key = form.cleaned_data["q"].strip(), form.cleaned_data["type"]
    context = {"form": form, "query": query}
    if query and not tokens.query_terms(query):
        context["no_words"] = True  # only punctuation or symbols: nothing to look for
    elif query:

        def results():
            found = selectors.search(query, key)
            page = paginate(request, found.results, PER_PAGE)
            return {"found": found, "facets": found.results.facets(), "page": page}

        context |= {"type": key, **listed(request, results, ("found", "facets", "page"))}
    return render(request, "projects/search.html", context)
