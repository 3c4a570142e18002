"""The link check's results, read-only: the scheduler's weekly job fills them."""

from django.contrib import admin

from .models import ExternalLink


@admin.register(ExternalLink)
class ExternalLinkAdmin(admin.ModelAdmin):
    list_display = ("url", "status_code", "error", "failures", "failing_since", "checked_at")
    list_filter = ("failures",)
    search_fields = ("url",)
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
