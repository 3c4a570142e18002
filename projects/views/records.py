"""List and detail pages of a content type that declares no views of its own.

Templates `projects/<key>_list.html` and `projects/<key>_detail.html`, else the
generic `projects/record_list.html` and `projects/record_detail.html`.
"""

from django.shortcuts import get_object_or_404, render

from projects.content_types import public_type

from .common import bounded_query, paginate

PER_PAGE = 20


@bounded_query
def record_list(request, key):
    declared = public_type(key)
    page = paginate(request, declared.published(), PER_PAGE)
    templates = [f"projects/{key}_list.html", "projects/record_list.html"]
    return render(request, templates, {"page": page, "declared": declared})


def record_detail(request, key, slug):
    declared = public_type(key)
    record = get_object_or_404(declared.published().filter(slug=slug))
    templates = [f"projects/{key}_detail.html", "projects/record_detail.html"]
    return render(request, templates, {"record": record, "declared": declared, key: record})
