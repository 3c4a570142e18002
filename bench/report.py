"""bench/RESULTS.md: the machine, the data set, one table per measurement, the budgets."""

import datetime
import os
import platform
import sqlite3
import sys

import django

from bench import load
from projects import inventory
from web import caching

# Each page's query and time budgets come from the inventory the tests check too.
MIN_PERFORMANCE = 0.98
MAX_KB_BEFORE_IMAGES = 100
# A visitor's shortlist: `noindex` on purpose (decide/templates/decide/compare.html), so
# no crawler walks every combination of records; Lighthouse's SEO score is 0.69 there.
NOT_INDEXED = {"park comparison", "site comparison"}


def mark(ok):
    return "✅" if ok else "❌"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores (load average {load} at the end of the run),"
        f" {memory:.0f} GiB RAM; {platform.system()} "
        f"{platform.release()}; Python {sys.version.split()[0]}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def server_table(timings, failures):
    """One row per page: each figure with its budget's mark, and whether all are met."""
    rows = [
        "| page | URL | status | SQL cold | SQL warm | p50 ms | p95 ms | CPU p50 ms "
        "| after an edit ms | all cold ms | HTML KB | budget | met |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :-: |",
    ]
    for label, t in timings.items():
        page = inventory.page(label)
        checks = {
            "SQL cold": (t["queries"], t["queries"] <= page.queries, page.queries),
            "SQL warm": (
                t["warm_queries"],
                t["warm_queries"] <= inventory.WARM_QUERIES,
                inventory.WARM_QUERIES,
            ),
            "p50 ms": (f"{t['p50']:.1f}", t["p50"] <= page.p50_ms, page.p50_ms),
            "after an edit ms": (
                f"{t['after_edit_ms']:.1f}",
                t["after_edit_ms"] <= inventory.FIRST_VISIT_MS,
                inventory.FIRST_VISIT_MS,
            ),
            "HTML KB": (
                f"{t['html_kb']:.0f}",
                t["html_kb"] <= inventory.MAX_HTML_KB,
                inventory.MAX_HTML_KB,
            ),
        }
        for name, (value, ok, limit) in checks.items():
            if not ok:
                failures.append(f"{label}: {name} {value} (budget {limit})")
        if t["status"] != 200:
            failures.append(f"{label}: HTTP {t['status']}")
        cells = {name: f"{value} {mark(ok)}" for name, (value, ok, _limit) in checks.items()}
        met = t["status"] == 200 and all(ok for _value, ok, _limit in checks.values())
        rows.append(
            f"| {label} | `{t['url']}` | {t['status']} | {cells['SQL cold']} "
            f"| {cells['SQL warm']} | {cells['p50 ms']} | {t['p95']:.1f} | {t['cpu_p50']:.1f} "
            f"| {cells['after an edit ms']} | {t['cold_ms']:.0f} | {cells['HTML KB']} "
            f"| ≤ {page.queries} / {inventory.WARM_QUERIES} queries, p50 ≤ {page.p50_ms} ms "
            f"| {mark(met)} |"
        )
    return rows


def search_lines(timings, counts, failures):
    """Search at the records it reads (parks, policies, events): p50 in each language."""
    records = sum(counts.get(name, 0) for name in ("parks", "policies", "events"))
    lines = []
    for label, t in timings.items():
        if base(label) != "search":
            continue
        ok = t["p50"] <= inventory.SEARCH_MS and records >= inventory.SEARCH_RECORDS
        if not ok:
            failures.append(
                f"{label}: p50 {t['p50']:.1f} ms at {records} records"
                f" (budget {inventory.SEARCH_MS} ms at {inventory.SEARCH_RECORDS})"
            )
        lines.append(
            f"- {label} at {records} records: p50 {t['p50']:.1f} ms (budget ≤"
            f" {inventory.SEARCH_MS} ms at {inventory.SEARCH_RECORDS} records) {mark(ok)}"
        )
    return lines


def base(label):
    return label.split(" [")[0]


def is_cached_page(url):
    return url.startswith("/static/") or not any(
        segment in url for segment in caching.EXCLUDED_SEGMENTS
    )


def load_table(rates, failures, data_set):
    """req/s with the page cache off and on; the ratio to the peer's where it has a page."""
    rows = [
        "| page | req/s, page cache off | peer req/s | ratio | req/s, page cache on "
        "| failed requests | budget | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | :-: |",
    ]
    for label, rate in rates.items():
        off, on = rate["uncached"]["rps"], rate["cached"]["rps"]
        failed = rate["uncached"]["failed"] + rate["cached"]["failed"]
        peer = inventory.PEER_RPS.get(base(label))
        is_static = base(label) == "static CSS"
        needed = [] if failed == 0 else [f"{failed} failed"]
        budget = []
        if peer:
            ratio = inventory.STATIC_PEER_RATIO if is_static else inventory.PEER_RATIO
            budget.append(f"off ≥ {ratio} × peer")
            if off < ratio * peer:
                needed.append(f"off {off:.0f} req/s < {ratio} × {peer}")
        if not is_static and is_cached_page(rate["url"]):
            budget.append(f"on ≥ {inventory.CACHED_RPS}")
            if on < inventory.CACHED_RPS:
                needed.append(f"on {on:.0f} req/s < {inventory.CACHED_RPS}")
        failures += [f"{label} ({data_set}): {text}" for text in needed]
        rows.append(
            f"| {label} | {off:.0f} | {peer or '–'} | "
            f"{f'{off / peer:.1f} ×' if peer else '–'} | {on:.0f} | {failed} "
            f"| {', '.join(budget) or '–'} | {mark(not needed)} |"
        )
    return rows


def only_not_indexed(label, summary):
    """A page kept out of search engines on purpose fails only Lighthouse's is-crawlable."""
    failing = summary["failing"]["seo"]
    return base(label) in NOT_INDEXED and all(audit.startswith("is-crawlable") for audit in failing)


def lighthouse_table(scores, failures):
    rows = [
        "| page | performance | accessibility | best practices | SEO | LCP ms | CLS "
        "| KB before images | web fonts | budget |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, s in scores.items():
        sc = s["scores"]
        kb = s["kb_before_images"]
        # (what missed the budget, whether it is met, the Lighthouse category to explain it)
        checks = [
            (
                f"performance {sc['performance']}",
                sc["performance"] >= MIN_PERFORMANCE,
                "performance",
            ),
            (f"accessibility {sc['accessibility']}", sc["accessibility"] == 1, "accessibility"),
            (f"best practices {sc['best-practices']}", sc["best-practices"] == 1, "best-practices"),
            (f"SEO {sc['seo']}", sc["seo"] == 1 or only_not_indexed(label, s), "seo"),
            (f"{kb:.0f} KB before images", kb <= MAX_KB_BEFORE_IMAGES, None),
            (f"{len(s['fonts'])} web fonts", not s["fonts"], None),
        ]
        missed = [(name, category) for name, ok, category in checks if not ok]
        for name, category in missed:
            audits = ", ".join(s["failing"].get(category, []))
            failures.append(
                f"{label}: Lighthouse {name}" + (f" (audits: {audits})" if audits else "")
            )
        rows.append(
            f"| {label} | {sc['performance']} | {sc['accessibility']} | {sc['best-practices']} "
            f"| {sc['seo']} | {s['lcp_ms']:.0f} | {s['cls']:.3f} | {s['kb_before_images']:.1f} "
            f"| {len(s['fonts'])} | {mark(not missed)} |"
        )
    return rows


def thanks_table(thanks, failures):
    rows = [
        "| mail server | submissions | thank-you page p50 ms | max ms | budget |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, t in thanks.items():
        # Had the request waited for the mail server, it would take its seconds at least.
        ok = t["ok"] == t["submissions"] and (not t["mail_seconds"] or t["max"] < 1000)
        if not ok:
            failures.append(f"thank-you page with {label}: max {t['max']:.0f} ms")
        rows.append(
            f"| {label} | {t['ok']}/{t['submissions']} | {t['p50']:.0f} | {t['max']:.0f} "
            f"| {mark(ok)} |"
        )
    return rows


def sheets_table(sheets, failures):
    """The PDF fact sheets (bench/factsheets.py): each variant's print time and size."""
    rows = [
        "| sheet | record | print p50 ms | max ms | size KB | budget |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    tasks = []
    for label, s in sheets.items():
        if "first_ms" in s:
            tasks.append(
                f"- {label} (`{s['record']}`): reading the data {s['context_ms']:.0f} ms; every"
                f" variant printed and stored {s['first_ms']:.0f} ms; run again with nothing"
                f" changed (HTML compared, nothing printed) {s['unchanged_ms']:.0f} ms."
            )
            continue
        ok = s["max_kb"] is None or s["kb"] <= s["max_kb"]
        if not ok:
            failures.append(f"{label}: {s['kb']:.0f} KB (budget {s['max_kb']} KB)")
        budget = f"≤ {s['max_kb']} KB {mark(ok)}" if s["max_kb"] else "–"
        rows.append(
            f"| {label} | `{s['record']}` | {s['p50']:.0f} | {s['max']:.0f} | {s['kb']:.0f} "
            f"| {budget} |"
        )
    return [*rows, "", *tasks]


def render(args, counts, fill_seconds, timings, rates, demo_rates, thanks=None, sheets=None):
    failures = []
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data_set = ", ".join(f"{count} {name}" for name, count in counts.items())
    lines = [
        f"Run {now} with `.venv/bin/python bench/run.py` (`make bench`).",
        "",
        f"- Machine: {machine()}.",
        f"- Data set (scratch SQLite, both languages, M2M sectors, no images): {data_set};"
        f" written in {fill_seconds:.1f} s with `bulk_create`.",
        "- Settings: production (`DJANGO_DEBUG=0`, compressed static files), plain HTTP on"
        " loopback. Server time is in-process (Django test client, whole-page cache off"
        " with `DJANGO_PUBLIC_PAGE_CACHE=0`, the cache backend real so fragment caches"
        f" work; up to {args.requests} requests per URL, at least 5 and about 2 s at most)."
        " After a warm-up, another record of the page's type (a park for the other pages),"
        " one the page does not show, is saved and the worker's warming of the home page"
        " and the lists is run: the next request is the first visit after an edit. Then"
        " the cache is emptied: the next request has every cache cold (all cold ms, SQL"
        " cold), the one after it has fragments warm (SQL warm); p50 is with fragments"
        " warm. CPU ms is the thread's"
        " CPU time, which other processes on the machine do not inflate.",
        "- Budgets (issue 20) come from `projects/inventory.py` (the tests check the same"
        f" query counts): p50 ≤ {inventory.DETAIL_MS} ms on a detail page, ≤"
        f" {inventory.LIST_MS} ms on a list, home or search page; ≤"
        f" {inventory.WARM_QUERIES} SQL queries with fragments warm and each page's own"
        f" count cold; ≤ {inventory.MAX_HTML_KB} KB of HTML; the first visit after an edit"
        f" ≤ {inventory.FIRST_VISIT_MS} ms; search ≤ {inventory.SEARCH_MS} ms at"
        f" {inventory.SEARCH_RECORDS} records; page cache off ≥ {inventory.PEER_RATIO} × the"
        f" peer's req/s, page cache on ≥ {inventory.CACHED_RPS} req/s.",
        "",
        "## SQL queries and server time",
        "",
        *server_table(timings, failures),
        "",
        *search_lines(timings, counts, failures),
    ]
    load_intro = (
        f"gunicorn (2 sync workers, `bench.settings`, SQLite) and `{' '.join(load.WRK)}"
        " -dN` from Debian's wrk on the same 2 cores, page cache off"
        " (`DJANGO_PUBLIC_PAGE_CACHE=0`, fragments on) then on. The peer is Wagtail's"
        " bakerydemo as measured in issue 20 (home 17, lists 25 and 37, details 53 and 45,"
        " search 33, static CSS 1 434 req/s); compare it with the demo data set."
    )
    if demo_rates:
        lines += [
            "",
            f"## Requests per second on the demo data set ({args.load_seconds + 1} s per URL)",
            "",
            load_intro,
            "",
            *load_table(demo_rates, failures, "demo"),
        ]
    if rates:
        lines += [
            "",
            f"## Requests per second at benchmark size ({args.load_seconds} s per URL)",
            "",
            load_intro,
            "",
            *load_table(rates, failures, "benchmark size"),
        ]
    if thanks:
        lines += [
            "",
            "## Thank-you page with a slow mail server (gunicorn, 2 sync workers, 1 db_worker)",
            "",
            "Time from the enquiry's POST to the thank-you page (the redirect followed), one"
            " visitor after another. Emails are sent by the background worker after the"
            " commit, so a 7 s mail server must not change it (budget: below 1 s).",
            "",
            *thanks_table(thanks, failures),
        ]
    if sheets:
        lines += [
            "",
            "## PDF fact sheets (printed by the background worker, WeasyPrint)",
            "",
            "Each variant printed in-process (the worker's work), timed over a few runs; `all`"
            " is the sheet in every language, one after the other.",
            "",
            *sheets_table(sheets, failures),
        ]
    lines += ["", "## Budgets not met", ""]
    lines += [f"- {failure}" for failure in failures] or ["- None: every budget is met."]
    if not rates:
        lines.append("- The load was not measured (`--no-load` or `--quick`).")
    return "\n".join(lines) + "\n"


def render_lighthouse(scores):
    """The Lighthouse block: every page type of the demo in every language."""
    failures = []
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## Lighthouse 12 (mobile defaults, Debian Chromium, gunicorn, page cache on)",
        "",
        f"Run {now} on the demo data set (`load_demo`), every page type of"
        " `projects/inventory.py` in every language, one run per page; with"
        " `.venv/bin/python bench/run.py --lighthouse-only` (also part of `make bench`).",
        f"Budgets: performance ≥ {MIN_PERFORMANCE}, accessibility, best practices and SEO 1,"
        f" ≤ {MAX_KB_BEFORE_IMAGES} KB before images, no web font.",
        "",
        *lighthouse_table(scores, failures),
        "",
        "### Lighthouse budgets not met",
        "",
    ]
    lines += [f"- {failure}" for failure in failures] or ["- None: every budget is met."]
    return "\n".join(lines) + "\n"
