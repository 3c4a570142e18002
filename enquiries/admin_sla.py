"""Admin for reply targets: overdue flags, adjusted working days, the desk performance page."""

from functools import wraps

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .calendar import library_year, missing_years
from .desk_managers import PERMISSION
from .models import DeskPerformance, WorkingDayAdjustment
from .performance import desk_performance, performance_csv, performance_desks
from .performance_chart import chart
from .sla import is_overdue, overdue


def warn_missing_calendar(request):
    """Tell the staff who can fix it that a year's adjusted working days are unknown."""
    # Only on pages shown, not on a POST whose redirect would repeat the warning.
    if request.method != "GET" or not request.user.has_perm("enquiries.add_workingdayadjustment"):
        return
    for country, year in missing_years():
        messages.warning(
            request,
            gettext(
                "The adjusted working days of %(year)s in %(country)s are not known yet: "
                "reply targets count only weekends and the known public holidays. Add "
                "them under “Adjusted working days” once the government publishes them."
            )
            % {"year": year, "country": countries.name(country)},
        )


def with_calendar_warning(view):
    @wraps(view)
    def warned(request, *args, **kwargs):
        warn_missing_calendar(request)
        return view(request, *args, **kwargs)

    return warned


admin.site.index = with_calendar_warning(admin.site.index)


class CalendarWarningMixin:
    """The desk and adjusted-day lists warn as the admin index does."""

    def changelist_view(self, request, extra_context=None):
        warn_missing_calendar(request)
        return super().changelist_view(request, extra_context)


# The holiday library names its days in these of our languages.
LIBRARY_LANGUAGES = {"en": "en_US", "zh-hans": "zh_CN"}


@admin.register(WorkingDayAdjustment)
class WorkingDayAdjustmentAdmin(CalendarWarningMixin, admin.ModelAdmin):
    list_display = ("date", "country", "is_working_day", "note")
    list_filter = ("is_working_day",)
    date_hierarchy = "date"
    search_fields = ("note",)

    def changelist_view(self, request, extra_context=None):
        """Below the list, the library's view of the missing years, to compare with."""
        language = LIBRARY_LANGUAGES.get(get_language())
        years = [
            {
                "country": countries.name(country),
                "year": year,
                **library_year(country, year, language),
            }
            for country, year in missing_years()
        ]
        return super().changelist_view(request, {**(extra_context or {}), "library_years": years})


class ReplyTargetFilter(admin.SimpleListFilter):
    title = _("reply target")
    parameter_name = "reply_target"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("within", _("Answered within target")),
            ("late", _("Answered late")),
        ]

    def queryset(self, request, queryset):
        answered = queryset.filter(first_replied_at__isnull=False, reply_due_at__isnull=False)
        if self.value() == "overdue":
            return overdue(queryset)
        if self.value() == "within":
            return answered.filter(first_replied_at__lte=F("reply_due_at"))
        if self.value() == "late":
            return answered.filter(first_replied_at__gt=F("reply_due_at"))
        return queryset


@admin.display(description=_("first reply due"), ordering="reply_due_at")
def reply_due(enquiry):
    """The due time, marked in words (not only colour) once it has passed unanswered."""
    if enquiry.reply_due_at is None:
        return "–"
    due = date_format(timezone.localtime(enquiry.reply_due_at), "SHORT_DATETIME_FORMAT")
    if is_overdue(enquiry):
        return format_html(
            '<strong class="enquiry-overdue">⚠ {}</strong> {}', gettext("Overdue"), due
        )
    return due


@admin.register(DeskPerformance)
class DeskPerformanceAdmin(admin.ModelAdmin):
    """Not a list of records: the figures page, for desk managers and superusers."""

    def has_module_permission(self, request):
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.performance_view), name=name)]

    def performance_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        figures = desk_performance(desks=performance_desks(request.user))
        if request.GET.get("format") == "csv":
            return performance_csv(figures)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Desk performance"),
            "opts": self.opts,
            "desks": [{"figures": desk, "chart": chart(desk)} for desk in figures],
        }
        return TemplateResponse(request, "admin/enquiries/desk_performance.html", context)
