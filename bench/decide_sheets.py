"""The comparison and pre-assessment PDFs: time to print (cache empty) and to serve (cached).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/decide_sheets.py

Reads a database with the demo loaded (`manage.py load_demo`); prints a Markdown table.
On another data set (bench/factsheets.py, bench/run.py) the records compared are taken
from the middle of the published ones. CPU time (`time.thread_time()`) is recorded next to
the wall time: on a shared machine other processes stretch the wall time, not the CPU time.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

DEMO_PARKS = [
    "sino-german-eco-park",
    "oriental-film-and-television-park",
    "china-sco-demonstration-zone",
    "qingdao-free-trade-zone-area",
]
DEMO_SITES = ["sge-factory-1", "sge-factory-2"]
FINDER_QUERY = "sector={sector}&company_type=sme&headcount=12"
SAMPLES = 3
# An on-request sheet is printed while the visitor waits: CPU time budget of one print.
MAX_CPU_MS = 1000


def _slugs(model, demo, count):
    """The demo records when they are there, else `count` published ones from the middle."""
    published = model.objects.published().order_by("pk")
    found = set(published.filter(slug__in=demo).values_list("slug", flat=True))
    if set(demo[:count]) <= found:
        return demo[:count]
    middle = max(published.count() // 2 - count // 2, 0)
    return list(published.values_list("slug", flat=True)[middle : middle + count])


def urls():
    """{label: URL} of the sheets measured, on the records of the database in use."""
    from projects.models import Park, Sector
    from siting.models import AvailableSite

    parks, sites = _slugs(Park, DEMO_PARKS, 4), _slugs(AvailableSite, DEMO_SITES, 2)
    sector = Sector.objects.filter(slug="finance-venture-capital").first()
    sector = sector or Sector.objects.order_by("pk").first()
    finder = FINDER_QUERY.format(sector=sector.slug if sector else "")
    return {
        "comparison, 4 parks [all]": f"/en/compare/comparison.pdf?parks={','.join(parks)}",
        "comparison, 4 parks [en]": f"/en/compare/comparison.pdf?parks={','.join(parks)}&lang=en",
        "comparison, 2 parks [zh-hans]": "/zh-hans/compare/comparison.pdf"
        f"?parks={','.join(parks[:2])}&lang=zh-hans",
        "comparison, 2 sites [en]": f"/en/compare/comparison.pdf?sites={','.join(sites)}&lang=en",
        "comparison, 2 sites [all]": f"/en/compare/comparison.pdf?sites={','.join(sites)}",
        "pre-assessment [all]": f"/en/incentives/finder/pre-assessment.pdf?{finder}",
        "pre-assessment [zh-hans]": "/zh-hans/incentives/finder/pre-assessment.pdf"
        f"?{finder}&lang=zh-hans",
    }


def _get(client, url):
    started, cpu = time.perf_counter(), time.thread_time()
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, (url, response.status_code)
    return response, (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000


def measure(samples=SAMPLES):
    """{label: figures} in bench/report.py's sheet table format, plus CPU and cached times."""
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    measured = urls()
    _get(client, measured["comparison, 2 sites [en]"])  # fonts and WeasyPrint loaded
    results = {}
    for label, url in measured.items():
        printed, cached = [], []
        for _sample in range(samples):
            cache.clear()
            response, wall, cpu = _get(client, url)
            printed.append((wall, cpu))
            cached.append(_get(client, url)[1])
        cpu = statistics.median(c for _w, c in printed)
        results[f"{label}, CPU p50 {cpu:.0f} ms (budget {MAX_CPU_MS})"] = {
            "record": url.split("?", 1)[1],
            "p50": statistics.median(w for w, _c in printed),
            "max": max(w for w, _c in printed),
            "cpu_p50": cpu,
            "cpu_max": max(c for _w, c in printed),
            "cached_p50": statistics.median(cached),
            "kb": len(response.content) / 1024,
            "max_kb": None,
        }
        print(f"{label:32} {results[next(reversed(results))]}", flush=True)
    return results


def table(results):
    rows = [
        "| sheet | printed p50 ms | CPU p50 ms | CPU max ms | cached p50 ms | size KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, s in results.items():
        rows.append(
            f"| {label.split(', CPU')[0]} | {s['p50']:.0f} | {s['cpu_p50']:.0f} | "
            f"{s['cpu_max']:.0f} | {s['cached_p50']:.0f} | {s['kb']:.0f} |"
        )
    return rows


def main():
    import django

    django.setup()
    print("\n".join(table(measure())))


if __name__ == "__main__":
    main()
