""" "Last reviewed" on every publishable record in the admin: column, filter, action, button."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from localisation import formats

from . import services

REVIEW_FIELD = "_mark_reviewed"


def review_cutoff(now=None):
    """Reviews older than this are due again (REVIEW_MAX_AGE_MONTHS, months of 30.4 days)."""
    days = round(settings.REVIEW_MAX_AGE_MONTHS * 30.4375)
    return (now or timezone.now()) - timedelta(days=days)


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        months = settings.REVIEW_MAX_AGE_MONTHS
        return [
            (
                "due",
                ngettext(
                    "Never reviewed or not in %(months)d month",
                    "Never reviewed or not in %(months)d months",
                    months,
                )
                % {"months": months},
            ),
            ("never", _("Never reviewed")),
            (
                "current",
                ngettext(
                    "Reviewed in the last %(months)d month",
                    "Reviewed in the last %(months)d months",
                    months,
                )
                % {"months": months},
            ),
        ]

    def queryset(self, request, queryset):
        cutoff = review_cutoff()
        if self.value() == "never":
            return queryset.filter(reviewed_at__isnull=True)
        if self.value() == "due":
            return queryset.exclude(reviewed_at__gte=cutoff)
        if self.value() == "current":
            return queryset.filter(reviewed_at__gte=cutoff)
        return queryset


class ReviewedAdminMixin:
    """Add to a ModelAdmin of a Publishable model."""

    @admin.action(description=_("Mark selected records as reviewed"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = services.mark_reviewed(records=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("Marked %d record as reviewed.", "Marked %d records as reviewed.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.display(description=_("last reviewed"), ordering="reviewed_at")
    def last_reviewed(self, obj):
        return formats.date(obj.reviewed_at) if obj.reviewed_at else _("Never")

    @admin.display(description=_("last reviewed"))
    def review_status(self, obj):
        if obj.reviewed_at:
            reviewer = obj.reviewed_by.get_username() if obj.reviewed_by else _("a former user")
            text = _("%(date)s by %(user)s") % {
                "date": formats.date(obj.reviewed_at),
                "user": reviewer,
            }
        else:
            text = _("Never reviewed")
        # A checkbox, not a button: Enter in a field must keep submitting a plain save.
        return format_html(
            '{}<br><input type="checkbox" name="{}" id="id{}" value="1">'
            ' <label class="vCheckboxLabel" for="id{}">{}</label>',
            text,
            REVIEW_FIELD,
            REVIEW_FIELD,
            REVIEW_FIELD,
            _("Mark as reviewed when saving"),
        )

    def get_list_display(self, request):
        # In place of the "updated" date where a list has one, so the list fits 1280 px;
        # the change form and its history keep when the record was edited.
        shown = [name for name in super().get_list_display(request) if name != "updated"]
        return (*shown, "last_reviewed")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ReviewFilter)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "review_status")

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "review_status"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        return [*fieldsets, (_("Review"), {"fields": ["review_status"]})]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            action = type(self).mark_reviewed
            actions["mark_reviewed"] = (action, "mark_reviewed", action.short_description)
        return actions

    def save_model(self, request, obj, form, change):
        if change and REVIEW_FIELD in request.POST:
            services.note_review(record=obj, user=request.user)
        super().save_model(request, obj, form, change)
