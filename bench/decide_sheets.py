"""The comparison and pre-assessment PDFs: time to print (cache empty) and to serve (cached).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/decide_sheets.py

Reads a database with the demo loaded (`manage.py load_demo`); prints a Markdown table.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

URLS = {
    "4 parks, both languages": "/en/compare/comparison.pdf?parks=sino-german-eco-park,"
    "oriental-film-and-television-park,china-sco-demonstration-zone,qingdao-free-trade-zone-area",
    "2 parks, Chinese": "/zh-hans/compare/comparison.pdf?parks=sino-german-eco-park,"
    "oriental-film-and-television-park&lang=zh-hans",
    "2 sites, English": "/en/compare/comparison.pdf?sites=sge-factory-1,sge-factory-2&lang=en",
    "pre-assessment, both languages": "/en/incentives/finder/pre-assessment.pdf"
    "?sector=finance-venture-capital&company_type=sme&headcount=12",
}
SAMPLES = 3


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    client.get(URLS["2 sites, English"], HTTP_HOST="localhost")  # fonts and WeasyPrint loaded
    print("| sheet | printed p50 (ms) | cached p50 (ms) | size (KB) |\n| --- | --- | --- | --- |")
    for label, url in URLS.items():
        printed, cached = [], []
        for _sample in range(SAMPLES):
            cache.clear()
            for times in (printed, cached):
                started = time.perf_counter()
                response = client.get(url, HTTP_HOST="localhost")
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
        size = len(response.content) / 1024
        print(
            f"| {label} | {statistics.median(printed):.0f} | "
            f"{statistics.median(cached):.0f} | {size:.0f} |"
        )


if __name__ == "__main__":
    main()
