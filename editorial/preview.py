"""A draft, or a live record with its draft changes, shown to staff as its public page.

The public view itself renders the page, inside a transaction that is rolled back:
for the length of the request the record is published with its draft values, so the
preview is exactly the page visitors will get. Nothing of it is ever committed; the
page is marked as a preview, never cached and never indexed.
"""

import re

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from web import fragments

from . import drafts

# Inside <main>: after the skip link, within a landmark, first thing a reader meets.
MAIN = re.compile(r"<main[^>]*>")


def preview_url(record, language):
    with translation.override(language):
        return reverse(
            "editorial:preview", kwargs={"label": record._meta.label_lower, "pk": record.pk}
        )


def previewed_model(label):
    from projects.models import Publishable

    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404 from None
    if not issubclass(model, Publishable):
        raise Http404
    return model


def render_as_public(request, record):
    """The public page of `record` with its draft values; every write is rolled back."""
    from projects.models import Publishable

    model = type(record)
    with transaction.atomic():
        draft = drafts.draft_for(record)
        m2m = drafts.overlay(record, draft) if draft else {}
        values = {
            field.attname: getattr(record, field.attname) for field in drafts.drafted_fields(model)
        }
        model.objects.filter(pk=record.pk).update(
            status=Publishable.Status.PUBLISHED, publish_at=None, **values
        )
        for name, pks in m2m.items():
            getattr(record, name).set(pks)
        match = resolve(record.get_absolute_url())
        with fragments.bypass():  # draft values under the live record's cache keys
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
        transaction.set_rollback(True)
    return response


def mark_as_preview(request, response, record):
    banner = render_to_string(
        "editorial/preview_banner.html",
        {
            "record": record,
            "change_url": reverse(
                f"admin:{record._meta.app_label}_{record._meta.model_name}_change",
                args=[record.pk],
            ),
            "state": drafts.state(record),
        },
        request=request,
    )
    head, body = banner.split("<!-- body -->", 1)
    html = response.content.decode()
    html = html.replace("</head>", head + "</head>", 1)
    html = MAIN.sub(lambda m: m[0] + body, html, count=1)
    response.content = html.encode()
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def preview(request, label, pk):
    if not (request.user.is_authenticated and request.user.is_staff):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    model = previewed_model(label)
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        raise PermissionDenied
    record = get_object_or_404(model, pk=pk)
    response = render_as_public(request, record)
    if response.status_code != 200:
        return response
    return mark_as_preview(request, response, type(record).objects.get(pk=record.pk))
