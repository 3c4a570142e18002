"""The external-link check: collect every outside address our records link to, then ask
each whether it still answers, a bounded number per run, a few at a time, with a time-out.

Addresses come from URL fields and from links in rich text, in every language.
"""

import ipaddress
import logging
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from projects.content_types import staff_models

from .models import ExternalLink, LinkSource

logger = logging.getLogger(__name__)

USER_AGENT = "InvestQingdao-LinkCheck/1.0"


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href:
                self.found.append(href)


def links_in_html(html):
    parser = _Anchors()
    parser.feed(html or "")
    return [href for href in parser.found if is_external(href)]


def is_external(url):
    return urlsplit(url.strip()).scheme in {"http", "https"}


def linked_columns(model):
    """(field name, column) pairs: URL fields, and every language column of rich text."""
    fields = model._meta.concrete_fields
    url_fields = [(f.name, f.attname) for f in fields if isinstance(f, models.URLField)]
    columns = {f.attname for f in fields}
    rich = [
        (name, build_localized_fieldname(name, code))
        for name in getattr(model, "rich_text_fields", ())
        for code, _label in settings.LANGUAGES
        if build_localized_fieldname(name, code) in columns
    ]
    return url_fields, rich


def linking_models():
    """Models staff edit that hold external links, each once."""
    seen = []
    for model, _access in staff_models():
        url_fields, rich = linked_columns(model)
        if (url_fields or rich) and model not in seen:
            seen.append(model)
    return seen


def found_links():
    """{(url, content type id, object id, field)} for every link in every record."""
    found = set()
    for model in linking_models():
        url_fields, rich = linked_columns(model)
        content_type = ContentType.objects.get_for_model(model)
        columns = [column for _name, column in url_fields + rich]
        for row in model.objects.values("pk", *columns):
            for name, column in url_fields:
                if row[column] and is_external(row[column]):
                    found.add((row[column].strip(), content_type.pk, row["pk"], name))
            for name, column in rich:
                for url in links_in_html(row[column]):
                    found.add((url.strip()[:2000], content_type.pk, row["pk"], name))
    return found


@transaction.atomic
def collect():
    """Bring the link table in line with the records; returns how many links there are."""
    found = found_links()
    urls = {url for url, *_rest in found}
    ExternalLink.objects.bulk_create(
        [ExternalLink(url=url) for url in urls], ignore_conflicts=True, batch_size=500
    )
    ids = dict(ExternalLink.objects.filter(url__in=urls).values_list("url", "pk"))
    wanted = {(ids[url], ct, pk, name) for url, ct, pk, name in found}
    existing = {
        row[1:]: row[0]
        for row in LinkSource.objects.values_list(
            "pk", "link_id", "content_type_id", "object_id", "field"
        )
    }
    LinkSource.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted]
    ).delete()
    LinkSource.objects.bulk_create(
        [
            LinkSource(link_id=link, content_type_id=ct, object_id=pk, field=name)
            for link, ct, pk, name in wanted - set(existing)
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    ExternalLink.objects.filter(sources__isnull=True).delete()
    return len(urls)


@dataclass(frozen=True)
class Answer:
    ok: bool
    status_code: int | None = None
    error: str = ""


def private_address(host):
    """Whether the host resolves to an address of this machine or its private network."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # the request itself will fail and say why
    return any(not ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)


def refused(url):
    """Why the checker will not fetch this address, or ""."""
    if not is_external(url):
        return "Not checked: not a web address"
    host = urlsplit(url).hostname or ""
    if not settings.LINK_CHECK_PRIVATE_ADDRESSES and private_address(host):
        return "Not checked: a private or local address"
    return ""


class CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is followed only to an address the checker would fetch itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        reason = refused(newurl)
        if reason:
            raise urllib.error.URLError(f"redirected: {reason}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def ask(url, method, timeout):
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(CheckedRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            return Answer(ok=True, status_code=response.status)
    except urllib.error.HTTPError as error:
        return Answer(ok=False, status_code=error.code)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Answer(ok=False, error=f"{type(reason).__name__}: {reason}"[:200])


def check(url, timeout=None):
    """HEAD, then GET when HEAD was refused (some servers answer HEAD with 405 or 404)."""
    timeout = timeout or settings.LINK_CHECK_TIMEOUT_SECONDS
    reason = refused(url)
    if reason:
        return Answer(ok=False, error=reason)
    answer = ask(url, "HEAD", timeout)
    if answer.ok or answer.status_code is None:
        return answer
    return ask(url, "GET", timeout)


def record(link, answer, now):
    links = ExternalLink.objects.filter(pk=link.pk)
    if answer.ok:
        links.update(
            status_code=answer.status_code, error="", checked_at=now, failures=0, failing_since=None
        )
    else:
        links.update(
            status_code=answer.status_code,
            error=answer.error,
            checked_at=now,
            failures=F("failures") + 1,
            failing_since=link.failing_since or now,
        )


def check_due(limit=None):
    """Check the links checked longest ago (never checked first); returns how many failed."""
    limit = limit or settings.LINK_CHECK_MAX_PER_RUN
    due = list(ExternalLink.objects.order_by(F("checked_at").asc(nulls_first=True), "pk")[:limit])
    with ThreadPoolExecutor(max_workers=settings.LINK_CHECK_CONCURRENCY) as pool:
        answers = list(pool.map(lambda link: check(link.url), due))
    now = timezone.now()
    for link, answer in zip(due, answers, strict=True):
        record(link, answer, now)  # written here: the threads never touch the database
    failed = sum(not answer.ok for answer in answers)
    logger.info("Link check: %d checked, %d failing", len(due), failed)
    return failed
