"""Desks keep their weekly call slots; officers see the calls investors booked."""

import zoneinfo

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..models import Booking, CallSlot


def _desks_of(user):
    from ..admin import desks_of

    return desks_of(user)


class OwnDesksMixin:
    """Officers see and handle the records of their own desks; superusers all."""

    def get_queryset(self, request):
        records = super().get_queryset(request)
        if request.user.is_superuser:
            return records
        return records.filter(desk__in=_desks_of(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "desk":
            kwargs["queryset"] = _desks_of(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CallSlot)
class CallSlotAdmin(OwnDesksMixin, admin.ModelAdmin):
    list_display = ("desk", "weekday", "start_time", "duration", "active", "desk_time_zone")
    list_display_links = ("weekday",)
    list_editable = ("active",)
    list_filter = ("desk", "weekday", "active")
    list_select_related = ("desk",)
    fields = ("desk", "weekday", "start_time", "duration", "active")

    @admin.display(description=_("time zone"))
    def desk_time_zone(self, slot):
        return slot.desk.time_zone


def in_zone(moment, zone):
    return f"{date_format(moment.astimezone(zoneinfo.ZoneInfo(zone)), 'DATETIME_FORMAT')} ({zone})"


@admin.register(Booking)
class BookingAdmin(OwnDesksMixin, admin.ModelAdmin):
    """Calls as the investors booked them; a superuser may delete one to free its slot."""

    list_display = ("desk_time", "investor_time", "enquiry", "desk", "created_at")
    list_filter = ("desk", "starts_at")
    list_select_related = ("desk", "enquiry")
    search_fields = ("enquiry__reference", "enquiry__name", "enquiry__company")
    date_hierarchy = "starts_at"
    fields = ("enquiry", "desk", "desk_time", "investor_time", "duration", "created_at")
    readonly_fields = fields

    @admin.display(description=_("desk's time"), ordering="starts_at")
    def desk_time(self, booking):
        return in_zone(booking.starts_at, booking.desk.time_zone)

    @admin.display(description=_("investor's time"))
    def investor_time(self, booking):
        return in_zone(booking.starts_at, booking.time_zone)

    def has_add_permission(self, request):
        return False  # investors book on their enquiry's page

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
