from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import AdminLanguageForm
from .middleware import remember


@staff_member_required
def admin_language(request):
    """The staff user's own admin language: the one place it is chosen."""
    current = selectors.admin_language(request.user) or translation.get_language()
    form = AdminLanguageForm(request.POST or None, initial={"language": current})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        services.set_admin_language(user=request.user, language=language)
        remember(request, language)
        translation.activate(language)
        messages.success(request, _("The admin now speaks your chosen language."))
        return redirect("admin:index")
    context = {**admin.site.each_context(request), "form": form, "title": _("Admin language")}
    return TemplateResponse(request, "admin/staff/admin_language.html", context)
