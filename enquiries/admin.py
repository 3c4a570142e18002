"""Officers handle the enquiries of their own desks; superusers see every desk."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from localisation import languages
from localisation.admin_filters import CountryInUseFilter
from projects.admin_languages import SideBySideTranslations

from .admin_privacy import PRIVACY_ACTIONS, PrivacyAdminMixin
from .admin_sla import CalendarWarningMixin, ReplyTargetFilter, reply_due
from .bookings import admin as booking_admin  # noqa: F401  (registers slots and bookings)
from .export import enquiries_csv
from .models import Desk, Enquiry, Notification, RoutingRule
from .replies.admin import ReplyAdminMixin


def desks_of(user):
    return Desk.objects.all() if user.is_superuser else Desk.objects.filter(members=user)


@admin.register(Desk)
class DeskAdmin(CalendarWarningMixin, SideBySideTranslations, TranslationAdmin):
    """The desk's name in every language side by side, as other translated fields."""

    list_display = ("name", "email", "country", "reply_target_days", "is_default", "abroad")
    search_fields = (*(build_localized_fieldname("name", c) for c in languages.codes()), "email")
    filter_horizontal = ("members", "managers")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("members", "managers"):
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("priority", "kind", "target", "desk")
    list_display_links = ("kind",)
    list_editable = ("priority",)
    list_filter = ("kind", "desk")
    list_select_related = ("centre", "park", "sector", "desk")
    fields = ("kind", "centre", "country", "park", "sector", "desk", "priority")

    @admin.display(description=_("matches"))
    def target(self, rule):
        return rule.target or "–"


class NotificationInline(admin.TabularInline):
    """Delivery state of the enquiry's emails; the pending command retries failures."""

    model = Notification
    extra = 0
    fields = ("kind", "sent_at", "attempts", "last_error")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("enquiries.view_enquiry")


class EmailDeliveryFilter(admin.SimpleListFilter):
    """Enquiries whose emails have not all gone out: the pending command retries them."""

    title = _("emails")
    parameter_name = "emails"

    def lookups(self, request, model_admin):
        return [("pending", _("Not all sent")), ("sent", _("All sent"))]

    def queryset(self, request, queryset):
        pending = Notification.objects.pending().values("enquiry")
        if self.value() == "pending":
            return queryset.filter(pk__in=pending)
        if self.value() == "sent":
            return queryset.exclude(pk__in=pending)
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assignee")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        return [("me", _("Assigned to me")), ("nobody", _("Nobody yet"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset


@admin.action(description=_("Export selected enquiries as CSV"), permissions=["view"])
def export_csv(modeladmin, request, queryset):
    return enquiries_csv(
        queryset.select_related("desk", "assignee", "sector", "park", "site", "centre").order_by(
            "created_at"
        )
    )


@admin.register(Enquiry)
class EnquiryAdmin(PrivacyAdminMixin, ReplyAdminMixin, admin.ModelAdmin):
    list_display = (
        "reference",
        "name",
        "company",
        "status",
        reply_due,
        "desk",
        "assignee",
        "country",
        "sector",
        "created_at",
    )
    list_filter = (
        "status",
        ReplyTargetFilter,
        AssigneeFilter,
        ("desk", admin.RelatedOnlyFieldListFilter),
        EmailDeliveryFilter,
        "stage",
        "language",
        ("sector", admin.RelatedOnlyFieldListFilter),
        CountryInUseFilter,
        "created_at",
    )
    search_fields = ("reference", "name", "company", "email")
    list_select_related = ("desk", "assignee", "sector")
    date_hierarchy = "created_at"
    actions = [export_csv, *PRIVACY_ACTIONS]
    inlines = [NotificationInline]
    readonly_fields = (
        "reference",
        "language",
        "source",
        "created_at",
        "updated_at",
        "first_replied_at",
        "last_replied_at",
        "rating",
        "rated_at",
    )
    readonly_fields += ("acknowledgement_withheld",)
    # Thousands of sites: chosen by id, not from a list.
    raw_id_fields = ("site",)
    fieldsets = (
        (
            _("Handling"),
            {"fields": ("reference", "status", "desk", "assignee", "internal_notes")},
        ),
        (
            _("Replies"),
            {"fields": (("first_replied_at", "last_replied_at"), ("rating", "rated_at"))},
        ),
        (
            _("Investor"),
            {"fields": ("name", "company", "country", "email", "phone", "contact_window")},
        ),
        (
            _("Enquiry"),
            {"fields": ("stage", "sector", "park", "site", "centre", "message", "consent")},
        ),
        (
            _("Origin"),
            {
                "fields": (
                    "language",
                    "source",
                    ("created_at", "updated_at"),
                    "acknowledgement_withheld",
                )
            },
        ),
    )

    def get_queryset(self, request):
        enquiries = super().get_queryset(request)
        if request.user.is_superuser:
            return enquiries
        return enquiries.filter(desk__in=desks_of(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "desk":
            kwargs["queryset"] = desks_of(request.user)
        elif db_field.name == "assignee":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_staff=True, enquiry_desks__in=desks_of(request.user))
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request):
        # Enquiries come from investors through the public form.
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
