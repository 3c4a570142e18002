"""bench/RESULTS.md: the machine, the data set, one table per measurement, the budgets."""

import datetime
import os
import platform
import sqlite3
import sys

import django

from projects import inventory

# Each page's query and time budgets come from the inventory the tests check too.
MIN_PERFORMANCE = 0.98
MAX_KB_BEFORE_IMAGES = 100


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
    rows = [
        "| page | URL | status | SQL queries | server p50 ms | p95 ms | CPU p50 ms | HTML KB "
        "| budget |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, t in timings.items():
        page = inventory.page(label)
        limit, max_queries = page.p50_ms, page.queries
        ok_queries = t["queries"] <= max_queries
        ok_time = t["p50"] <= limit
        if not ok_queries:
            failures.append(f"{label}: {t['queries']} SQL queries (budget {max_queries})")
        if not ok_time:
            failures.append(f"{label}: server p50 {t['p50']:.1f} ms (budget {limit} ms)")
        if t["status"] != 200:
            failures.append(f"{label}: HTTP {t['status']}")
        rows.append(
            f"| {label} | `{t['url']}` | {t['status']} | {t['queries']} {mark(ok_queries)} "
            f"| {t['p50']:.1f} {mark(ok_time)} | {t['p95']:.1f} | {t['cpu_p50']:.1f} "
            f"| {t['html_kb']:.0f} "
            f"| ≤ {max_queries} queries, p50 ≤ {limit} ms |"
        )
    return rows


def load_table(rates):
    rows = [
        "| page | req/s, page cache off | req/s, page cache on | failed requests |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, rate in rates.items():
        failed = rate["uncached"]["failed"] + rate["cached"]["failed"]
        rows.append(
            f"| {label} | {rate['uncached']['rps']:.0f} | {rate['cached']['rps']:.0f} | {failed} |"
        )
    return rows


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
            (f"SEO {sc['seo']}", sc["seo"] == 1, "seo"),
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


def render(args, counts, fill_seconds, timings, rates, scores, thanks=None, sheets=None):
    failures = []
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data_set = ", ".join(f"{count} {name}" for name, count in counts.items())
    lines = [
        "# Benchmark results",
        "",
        f"Run {now} with `.venv/bin/python bench/run.py` (`make bench`).",
        "",
        f"- Machine: {machine()}.",
        f"- Data set (scratch SQLite, both languages, M2M sectors, no images): {data_set};"
        f" written in {fill_seconds:.1f} s with `bulk_create`.",
        "- Settings: production (`DJANGO_DEBUG=0`, compressed static files), plain HTTP on"
        " loopback. Server time is in-process (Django test client, whole-page cache off,"
        f" up to {args.requests} requests per URL, at least 5 and about 3 s at most, after"
        " 2 warm-ups; queries counted on the second"
        " request). CPU ms is the thread's CPU time, which other processes on the machine do"
        " not inflate. Each page's budgets come from `projects/inventory.py` (the tests"
        f" check the same query counts): a detail page's p50 ≤ {inventory.DETAIL_MS} ms, a"
        f" list, home or search page's ≤ {inventory.LIST_MS} ms.",
        "",
        "## SQL queries and server time",
        "",
        *server_table(timings, failures),
    ]
    if rates:
        lines += [
            "",
            f"## Requests per second (gunicorn, 2 sync workers, {args.load_seconds:g} s per URL)",
            "",
            "The load client (4 threads, Python) runs on the same 2 cores as the server, so"
            " these are lower bounds.",
            "",
            *load_table(rates),
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
    if scores:
        lines += [
            "",
            "## Lighthouse 12 (mobile defaults, Debian Chromium, gunicorn, page cache on)",
            "",
            *lighthouse_table(scores, failures),
        ]
    lines += ["", "## Budgets not met", ""]
    lines += [f"- {failure}" for failure in failures] or ["- None: every budget is met."]
    if not scores:
        lines.append("- Lighthouse was not run (`--no-lighthouse` or `--quick`).")
    return "\n".join(lines) + "\n"
