"""The pages about the site itself; the style guide is for staff and never indexed."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .selectors import site_map_sections


@require_safe
def contact(request):
    return render(request, "about/contact.html", {"contact": settings.BUREAU_CONTACT})


@require_safe
def accessibility(request):
    return render(request, "about/accessibility.html")


@require_safe
def site_map(request):
    return render(request, "about/site_map.html", {"sections": site_map_sections()})


@require_safe
@staff_member_required
def styleguide(request):
    response = render(request, "about/styleguide.html")
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
