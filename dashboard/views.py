"""The editors’ dashboard in the admin: what needs attention, each item a link to its form."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import selectors, services


def dashboard(request):
    services.remember_language(user=request.user, language=get_language())
    sections = selectors.attention(user=request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("Editors’ dashboard"),
        "sections": sections,
        "needs_attention": selectors.needs_attention(sections),
        "limit": selectors.LIMIT,
    }
    return TemplateResponse(request, "dashboard/dashboard.html", context)


dashboard_view = admin.site.admin_view(dashboard)
