"""The reply form and the conversation on the enquiry's admin page, and the replies list."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from ..models import Desk, Reply
from .forms import ReplyForm
from .selectors import replies_of
from .services import send_reply


def can_reply(user, enquiry):
    """Officers of the enquiry's own desk, and superusers."""
    if user.is_superuser:
        return True
    return (
        user.has_perm("enquiries.add_reply")
        and enquiry.desk_id is not None
        and Desk.objects.filter(pk=enquiry.desk_id, members=user).exists()
    )


class ReplyAdminMixin:
    """For EnquiryAdmin: a separate reply form, so replying never re-saves the enquiry."""

    change_form_template = "admin/enquiries/enquiry/change_form_thread.html"

    def get_urls(self):
        reply = path(
            "<path:object_id>/reply/",
            self.admin_site.admin_view(self.reply_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_reply",
        )
        return [reply, *super().get_urls()]

    def thread_context(self, request, enquiry, form=None):
        from ..bookings.selectors import bookings_of

        if can_reply(request.user, enquiry):
            form = form or ReplyForm()
        return {
            "replies": replies_of(enquiry),
            "bookings": bookings_of(enquiry),
            "reply_form": form,
            "reply_url": reverse("admin:enquiries_enquiry_reply", args=[enquiry.pk]),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        enquiry = self.get_object(request, unquote(object_id))
        if enquiry is not None:
            extra_context = {**(extra_context or {}), **self.thread_context(request, enquiry)}
        return super().change_view(request, object_id, form_url, extra_context)

    def reply_view(self, request, object_id):
        enquiry = self.get_object(request, unquote(object_id))
        if enquiry is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not can_reply(request.user, enquiry):
            raise PermissionDenied
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reply = send_reply(enquiry=enquiry, author=request.user, body=form.cleaned_data["body"])
            self.log_change(request, enquiry, [{"added": {"name": "reply", "object": str(reply)}}])
            self.message_user(
                request,
                _("Your reply is on its way to %(email)s.") % {"email": enquiry.email},
                messages.SUCCESS,
            )
            change = reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
            return redirect(f"{change}#replies")
        context = {
            **self.admin_site.each_context(request),
            **self.thread_context(request, enquiry, form),
            "opts": self.opts,
            "original": enquiry,
            "title": _("Reply to %(enquiry)s") % {"enquiry": enquiry},
        }
        return TemplateResponse(request, "admin/enquiries/enquiry/reply.html", context)


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    """Every reply as sent; nobody edits or deletes one (the record stays honest)."""

    list_display = ("enquiry", "author", "sent_at")
    list_filter = (("enquiry__desk", admin.RelatedOnlyFieldListFilter), "sent_at")
    list_select_related = ("enquiry", "author")
    search_fields = ("enquiry__reference", "body")
    date_hierarchy = "sent_at"
    fields = ("enquiry", "author", "sent_at", "body")
    readonly_fields = fields

    def get_queryset(self, request):
        from ..admin import desks_of

        replies = super().get_queryset(request)
        if request.user.is_superuser:
            return replies
        return replies.filter(enquiry__desk__in=desks_of(request.user))

    def has_add_permission(self, request):
        return False  # replies are written on the enquiry's page

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
