"""Template helpers of the public site: language twins, fallbacks, structured data."""

import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from localisation import languages
from projects import completeness
from projects.content_types import public_types

register = template.Library()

# Characters that could end the <script> data block or open markup inside it.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def html_lang(code):
    """The BCP 47 spelling HTML wants, from the language table: zh-hans -> zh-Hans."""
    return languages.html_lang(code)


@register.simple_tag
def og_locales():
    """OpenGraph locales: the page's, then the other languages' (og:locale:alternate)."""
    current = languages.language()
    return [current.og_locale] + [
        row.og_locale for row in languages.table() if row.code != current.code
    ]


def _absolute(request, url):
    """The full URL, or the path alone on an error page for a host we do not serve."""
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


@lru_cache(maxsize=4096)  # a path's twins follow from the URLs alone; every page asks
def translated_path(path, code):
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: same item, same query string."""
    request = context["request"]
    current = get_language()
    versions = []
    query = request.GET.urlencode()
    for code, _name in settings.LANGUAGES:
        path = translated_path(request.path, code)
        versions.append(
            {
                "code": code,
                "lang": html_lang(code),
                "name": get_language_info(code)["name_local"],
                "url": f"{path}?{query}" if query else path,
                "absolute_url": _absolute(request, path),
                "is_current": code == current,
            }
        )
    return versions


def _shown_language(obj, field):
    """The language whose text `obj.<field>` shows, or None when it is empty."""
    current = get_language()
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get("default", ())
    for code in (current, *fallbacks):
        if (getattr(obj, build_localized_fieldname(field, code), "") or "").strip():
            return code
    return None


def other_language(obj, field):
    """The HTML `lang` of the text `obj.<field>` shows when it falls back to another
    language than the page's; "" when it is in the page's language (or empty)."""
    shown = _shown_language(obj, field)
    return html_lang(shown) if shown and shown != get_language() else ""


@register.simple_tag
def lang_attr(obj, field):
    """` lang="en"` when the field falls back to another language than the page's."""
    lang = other_language(obj, field)
    return format_html(' lang="{}"', lang) if lang else ""


@register.simple_tag
def untranslated(obj):
    """True when some text of `obj` is missing in the page's language (completeness.py)."""
    return bool(completeness.missing_fields(obj, get_language()))


@register.simple_tag(takes_context=True)
def navigation(context):
    """The list page of every content type shown in the navigation (content_types.py)."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match else ""
    return [
        {
            "url": reverse(declared.list_url_name),
            "label": declared.label,
            "current": declared.list_url_name == current,
        }
        for declared in public_types()
        if declared.in_navigation
    ]


@register.simple_tag
def json_ld(data):
    """A schema.org data block; <, > and & are escaped so the text cannot end it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def default_language_url(context):
    """The page without its language prefix: it redirects by Accept-Language (x-default)."""
    request = context["request"]
    prefix = f"/{get_language()}/"
    path = request.path
    if path.startswith(prefix):
        path = "/" + path.removeprefix(prefix)
    return _absolute(request, path)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with another page number."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def absolute(context, url):
    return _absolute(context["request"], url)


@register.filter
def verbose_name(record):
    """What kind of record this is, e.g. “Park”."""
    return capfirst(record._meta.verbose_name)


@register.filter
def policy_state(policy):
    """in_force, upcoming (not yet in force) or expired, from the policy's dates."""
    today = timezone.localdate()
    if policy.is_in_force(today):
        return "in_force"
    if policy.effective_date and policy.effective_date > today:
        return "upcoming"
    return "expired"


@register.simple_tag
def page_numbers(page):
    """Page numbers around the current one, with “…” for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
