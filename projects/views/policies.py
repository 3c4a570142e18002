from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from projects import documents, selectors
from projects.forms import PolicyFilterForm
from projects.models import Policy
from projects.park_field import SUGGESTIONS
from web import fragments

from .common import bounded_query, detail_record, listed, paginate

PER_PAGE = 20


@bounded_query
def policy_list(request):
    parks = fragments.lookup(
        "policy-park-suggestions",
        lambda: selectors.park_suggestions(SUGGESTIONS, with_policies=True),
        depends=[fragments.type_generation("park"), fragments.type_generation("policy")],
    )
    form = PolicyFilterForm(request.GET, selectors.cached_sectors(), parks)
    filters = form.filters()

    def results():
        page = paginate(request, selectors.policies(**filters), PER_PAGE, ("policy", filters))
        fragments.prime("policy-card", page.object_list, 2)
        return {"page": page}

    return render(request, "projects/policy_list.html", {"form": form, **listed(request, results)})


def policy_detail(request, slug):
    policy = detail_record(Policy, slug, selectors.policy_detail, "policy-body")
    return render(request, "projects/policy_detail.html", {"policy": policy, "record": policy})


@require_safe
def policy_document(request, slug):
    """The policy's source document, always as a download (see projects/documents.py)."""
    policy = get_object_or_404(selectors.policy_detail(slug))
    response = documents.download(policy.source_file, policy.slug) if policy.source_file else None
    if response is None:
        raise Http404("No document")
    return response
