"""The content admin's editorial features, added to every published type's admin.

Every save keeps a version with its author; the history lists who changed which
fields; any two versions compare field by field and language by language; an
earlier version can be restored (a new version). A live record's edits can be saved
as draft changes, and any record previewed as its public page.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from localisation import languages

from . import drafts, versions
from .richtext import RichTextField, RichTextWidget

SAVE_DRAFT = "_save_draft"


class EditorialAdmin:
    change_form_template = "editorial/change_form.html"
    object_history_template = "editorial/history.html"

    # --- rich text ---------------------------------------------------------------
    def rich_text_columns(self):
        return {
            build_localized_fieldname(name, code)
            for name in getattr(self.model, "rich_text_fields", ())
            for code in languages.codes()
        }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.rich_text_columns():
            field = RichTextField(
                required=field.required,
                label=field.label,
                help_text=field.help_text,
                widget=RichTextWidget(attrs=field.widget.attrs),
            )
        return field

    # --- versions ----------------------------------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            self.keep_baseline(request, object_id)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def keep_baseline(self, request, object_id):
        """Before the first versioned edit of an older record, keep it as it was."""
        record = super().get_object(request, unquote(object_id))
        if record is None or not self.has_change_permission(request, record):
            return
        if not Version.objects.get_for_object(record).exists():
            with reversion.create_revision():
                reversion.add_to_revision(record)
                reversion.set_comment(_("As it was before versions were kept."))

    def log_addition(self, request, obj, message):
        reversion.set_comment(self.comment(message))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        if getattr(request, "editorial_draft", False):
            message = _("Saved draft changes.")
        reversion.set_comment(self.comment(message))
        return super().log_change(request, obj, message)

    @staticmethod
    def comment(message):
        from django.contrib.admin.models import LogEntry

        return LogEntry(change_message=message).get_change_message() if message else ""

    def history_view(self, request, object_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        if not self.has_view_or_change_permission(request, record):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %(record)s") % {"record": record},
            "opts": self.model._meta,
            "original": record,
            "entries": versions.history(record),
            "can_restore": self.has_change_permission(request, record),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            path(
                "<path:object_id>/draft/discard/",
                view(self.discard_draft_view),
                name=f"{prefix}_discard_draft",
            ),
            *super().get_urls(),
        ]

    def version_of(self, record, version_id):
        # Beyond a 64-bit key the database would fail rather than find nothing.
        if not 0 < version_id < 2**63:
            raise Http404
        found = Version.objects.get_for_object(record).filter(pk=version_id).first()
        if found is None:
            raise Http404
        return found

    def compare_view(self, request, object_id):
        record = self.get_object(request, unquote(object_id))
        if record is None or not self.has_view_or_change_permission(request, record):
            raise Http404
        try:
            ids = sorted(int(request.GET[name]) for name in ("from", "to"))
        except (KeyError, ValueError):
            messages.warning(request, _("Choose two versions to compare."))
            return HttpResponseRedirect(self.url("history", record))
        older, newer = (self.version_of(record, pk) for pk in ids)
        rows = versions.compare(self.model, older, newer)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %(record)s") % {"record": record},
            "opts": self.model._meta,
            "original": record,
            "older": older,
            "newer": newer,
            "changed": [row for row in rows if row.changed],
            "unchanged": [row for row in rows if not row.changed],
        }
        return TemplateResponse(request, "editorial/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        version = self.version_of(record, version_id)
        if request.method == "POST":
            missing = versions.restore(record=record, version=version, user=request.user)
            if missing:
                self.message_user(
                    request,
                    _("This version cannot go live: it lacks %(fields)s.") % {"fields": missing},
                    messages.ERROR,
                )
                return HttpResponseRedirect(self.url("history", record))
            self.message_user(request, _("The earlier version was restored."), messages.SUCCESS)
            return HttpResponseRedirect(self.url("change", record))
        current = versions.versions_of(record)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Restore this version?"),
            "opts": self.model._meta,
            "original": record,
            "version": version,
            "rows": [
                row for row in versions.compare(self.model, version, current[0]) if row.changed
            ]
            if current
            else [],
        }
        return TemplateResponse(request, "editorial/restore.html", context)

    def url(self, view, record):
        info = self.model._meta.app_label, self.model._meta.model_name
        return reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[record.pk])

    # --- draft changes -----------------------------------------------------------
    def get_queryset(self, request):
        return drafts.with_draft_flag(super().get_queryset(request))

    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        return [("editorial_state" if name == "status" else name) for name in shown]

    @admin.display(description=gettext_lazy("state"), ordering="status")
    def editorial_state(self, record):
        return drafts.state(record).label

    def change_view(self, request, object_id, form_url="", extra_context=None):
        request.editorial_overlay = True
        return super().change_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        record = super().get_object(request, object_id, from_field)
        if record is not None and getattr(request, "editorial_overlay", False):
            draft = drafts.draft_for(record)
            if draft is not None:
                record.editorial_draft = draft
                record.editorial_m2m = drafts.overlay(record, draft)
        return record

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        drafted = getattr(obj, "editorial_m2m", None)
        if not drafted:
            return form

        class WithDraftChanges(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                self.initial.update({k: v for k, v in drafted.items() if k in self.fields})

        return WithDraftChanges

    def is_live(self, record):
        from projects.models import Publishable

        return (
            record.pk is not None
            and type(record)
            .objects.filter(pk=record.pk, status=Publishable.Status.PUBLISHED)
            .exists()
        )

    def save_model(self, request, obj, form, change):
        if change and SAVE_DRAFT in request.POST and self.is_live(obj):
            request.editorial_draft = True
            m2m = {
                name: [item.pk for item in form.cleaned_data[name]]
                for name in form.cleaned_data
                if name in {f.name for f in obj._meta.many_to_many}
            }
            drafts.keep(record=obj, m2m=m2m, author=request.user)
            versions.keep_draft_version(obj)
            return
        super().save_model(request, obj, form, change)
        drafts.discard(record=obj)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "editorial_draft", False):
            # Inline rows are not part of a draft; the change message reads these.
            for formset in formsets:
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_related(request, form, formsets, change)

    def response_change(self, request, obj):
        if getattr(request, "editorial_draft", False):
            self.message_user(
                request,
                _("Draft changes saved. The public page still shows the live version."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self.url("change", obj))
        return super().response_change(request, obj)

    def discard_draft_view(self, request, object_id):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        if request.method == "POST":
            drafts.discard(record=record)
            self.message_user(request, _("Draft changes discarded."), messages.SUCCESS)
        return HttpResponseRedirect(self.url("change", record))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(
                editorial_state=drafts.state(obj),
                editorial_live=self.is_live(obj),
                editorial_previews=preview_links(obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


def preview_links(record):
    """(language name, preview address) for each language of the site."""
    from .preview import preview_url

    return [(row.name, preview_url(record, row.code)) for row in languages.table()]
