"""Benchmark every public page on a large synthetic data set; writes bench/RESULTS.md.

    .venv/bin/python bench/run.py             # full run (about 6-8 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick     # small data, no load test, no Lighthouse

Everything happens in a temporary folder (scratch SQLite database, collected
static files); the development database is never touched.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parks", type=int, default=5000)
    parser.add_argument("--policies", type=int, default=10000)
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=40, help="in-process requests per URL")
    parser.add_argument("--load-seconds", type=float, default=2, help="gunicorn load per URL")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--quick", action="store_true", help="1/10 data, no load, no Lighthouse")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    if args.quick:
        args.parks, args.policies, args.events = 500, 1000, 1000
        args.requests, args.no_load, args.no_lighthouse = 10, True, True
    return args


def set_up(folder):
    """Point Django at the scratch folder, then create the schema and static files."""
    os.environ["BENCH_DIR"] = folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # In-process timings measure rendering: the whole-page cache is off here.
    os.environ["BENCH_CACHE"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", database="cache", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="invest-qingdao-bench-") as folder:
        set_up(folder)
        from bench import data, enquiry, factsheets, lighthouse, load, report, server

        started = time.perf_counter()
        counts = data.fill(args.parks, args.policies, args.events)
        fill_seconds = time.perf_counter() - started
        print(f"Filled {counts} in {fill_seconds:.1f} s", flush=True)

        pages = server.pages(
            {
                "park": args.parks,
                "policy": args.policies,
                "event": args.events,
                "centre": data.CENTRES,
                "site": data.SITES,
            }
        )
        timings = server.measure(pages, args.requests)
        rates = {} if args.no_load else load.measure(pages, args.load_seconds)
        thanks = {} if args.no_load else enquiry.measure()
        scores = {} if args.no_lighthouse else lighthouse.measure(server.lighthouse_pages(pages))
        sheets = factsheets.measure(samples=1 if args.quick else factsheets.SAMPLES)
        text = report.render(args, counts, fill_seconds, timings, rates, scores, thanks, sheets)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.output}")


if __name__ == "__main__":
    main()
