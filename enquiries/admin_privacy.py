"""Officers answer an investor's privacy request: export or erase all their enquiries.

Both work on every enquiry from the same email address that the officer may see
(a superuser sees every desk). The admin log records which enquiries were exported
or erased, by reference, never the personal data itself.
"""

import json
import re

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Enquiry
from .privacy import anonymise, investor_data, investor_enquiries

EXPORTED = "Personal data exported on the investor's request."
ERASED = "Personal data erased on the investor's request."


def parse_ids(value):
    """Primary keys from `?ids=1,2`; anything else is ignored."""
    parts = value.split(",")[:100]
    return [int(part) for part in parts if re.fullmatch(r"[0-9]{1,18}", part.strip())]


@admin.action(
    description=_("Export the data of the selected investors (JSON)"), permissions=["view"]
)
def export_investor_data(modeladmin, request, queryset):
    return modeladmin.export_response(request, modeladmin.same_investors(request, queryset))


@admin.action(description=_("Erase the data of the selected investors…"), permissions=["change"])
def erase_investor_data(modeladmin, request, queryset):
    ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True)[:100])
    return HttpResponseRedirect(f"{reverse('admin:enquiries_enquiry_erase')}?ids={ids}")


PRIVACY_ACTIONS = [export_investor_data, erase_investor_data]


class AnonymisedFilter(admin.SimpleListFilter):
    title = _("personal data")
    parameter_name = "personal_data"

    def lookups(self, request, model_admin):
        return [("kept", _("Kept")), ("anonymised", _("Anonymised"))]

    def queryset(self, request, queryset):
        if self.value() == "kept":
            return queryset.filter(anonymised_at__isnull=True)
        if self.value() == "anonymised":
            return queryset.filter(anonymised_at__isnull=False)
        return queryset


class PrivacyAdminMixin:
    """Adds the consents, the erasure state and the export / erase links to the enquiry admin."""

    privacy_fields = ("cross_border_consent", "anonymised_at", "investor_data")

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            (_("Privacy"), {"fields": self.privacy_fields}),
        ]

    def has_change_permission(self, request, obj=None):
        # Nothing is left to handle, and the form would ask for the erased name again.
        if obj is not None and obj.anonymised_at:
            return False
        return super().has_change_permission(request, obj)

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "cross_border_consent", AnonymisedFilter]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.privacy_fields]

    def get_urls(self):
        urls = [
            path(
                "privacy/export/",
                self.admin_site.admin_view(self.export_view),
                name="enquiries_enquiry_export",
            ),
            path(
                "privacy/erase/",
                self.admin_site.admin_view(self.erase_view),
                name="enquiries_enquiry_erase",
            ),
        ]
        return urls + super().get_urls()

    @admin.display(description=_("investor's data"))
    def investor_data(self, enquiry):
        if enquiry.pk is None or enquiry.anonymised_at:
            return "–"
        return format_html(
            '<a href="{}?ids={}">{}</a> · <a href="{}?ids={}">{}</a>',
            reverse("admin:enquiries_enquiry_export"),
            enquiry.pk,
            gettext("Export all enquiries from this email address (JSON)"),
            reverse("admin:enquiries_enquiry_erase"),
            enquiry.pk,
            gettext("Erase them…"),
        )

    def same_investors(self, request, selected):
        """Every enquiry visible to this user from the email addresses of `selected`."""
        emails = selected.exclude(email="").values_list("email", flat=True)
        return investor_enquiries(self.get_queryset(request), emails=list(emails))

    def requested(self, request):
        ids = parse_ids(request.GET.get("ids", ""))
        return self.same_investors(request, self.get_queryset(request).filter(pk__in=ids))

    def log_each(self, request, enquiries, message):
        for enquiry in enquiries:
            self.log_change(request, enquiry, message)

    def export_response(self, request, enquiries):
        enquiries = list(enquiries.select_related("desk", "assignee", "sector", "park", "centre"))
        if not enquiries:
            self.message_user(request, gettext("No enquiry to export."), messages.WARNING)
            return HttpResponseRedirect(reverse("admin:enquiries_enquiry_changelist"))
        self.log_each(request, enquiries, EXPORTED)
        body = json.dumps(investor_data(enquiries), cls=DjangoJSONEncoder, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"investor-data-{enquiries[0].reference}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self.export_response(request, self.requested(request))

    def erase_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        enquiries = list(self.requested(request).filter(anonymised_at__isnull=True))
        changelist = reverse("admin:enquiries_enquiry_changelist")
        if request.method == "POST":
            count = anonymise(enquiries=Enquiry.objects.filter(pk__in=[e.pk for e in enquiries]))
            self.log_each(request, enquiries, ERASED)
            self.message_user(
                request,
                ngettext(
                    "The personal data of %(count)d enquiry was erased.",
                    "The personal data of %(count)d enquiries was erased.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Erase an investor's data"),
            "opts": self.model._meta,
            "enquiries": enquiries,
            "emails": sorted({enquiry.email.lower() for enquiry in enquiries}),
            "changelist": changelist,
        }
        return TemplateResponse(
            request, "admin/enquiries/enquiry/erase_investor_data.html", context
        )
