"""Benchmark every public page; writes its part of bench/RESULTS.md (between markers).

    .venv/bin/python bench/run.py                    # full run (about 15 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick            # small data, in-process only
    .venv/bin/python bench/run.py --lighthouse-only  # Lighthouse on every page of the demo

Two data sets, each in a temporary folder (scratch SQLite, collected static files;
the development database is never touched): the large synthetic one (bench/data.py)
for in-process time, queries and load, and the demo (`load_demo`) for the load on the
pages the peer's figures compare with, and for Lighthouse.
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
    parser.add_argument("--load-seconds", type=int, default=2, help="wrk seconds per URL")
    parser.add_argument("--no-load", action="store_true", help="skip gunicorn + wrk")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo data set")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-only", action="store_true", help="only Lighthouse (demo)")
    parser.add_argument("--quick", action="store_true", help="1/10 data, in-process only")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    if args.quick:
        args.parks, args.policies, args.events = 500, 1000, 1000
        args.requests, args.no_load, args.no_lighthouse, args.no_demo = 10, True, True, True
    return args


def set_up(folder):
    """Point Django at the scratch folder, then create the schema and static files."""
    os.environ["BENCH_DIR"] = folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # In-process timings measure rendering: the whole-page cache is off, fragments on.
    os.environ["DJANGO_PUBLIC_PAGE_CACHE"] = "0"
    os.environ.pop("BENCH_CACHE", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", database="cache", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def measure_demo(args, folder):
    """(rates, scores) on the demo data set: wrk on the peer's pages, Lighthouse on all."""
    from bench import demo, lighthouse, load, server

    started = time.perf_counter()
    slugs = demo.build(folder)
    print(f"Demo loaded in {time.perf_counter() - started:.0f} s: {slugs}", flush=True)
    rates = {}
    if not args.no_load and not args.lighthouse_only:
        rates = load.measure(server.compared_pages(slugs), args.load_seconds + 1, folder)
    scores = {}
    if not args.no_lighthouse:
        scores = lighthouse.measure(server.all_pages(slugs), folder)
    return rates, scores


def lighthouse_only(args):
    with tempfile.TemporaryDirectory(prefix="invest-qingdao-demo-") as folder:
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        os.environ["BENCH_DIR"] = folder
        import django

        django.setup()  # the URLs of the pages; the demo's database is filled by commands
        from bench import report, results

        _rates, scores = measure_demo(args, folder)
        text = report.render_lighthouse(scores)
    results.write(args.output, "lighthouse", text)
    print(text)


def main():
    args = parse_args()
    if args.lighthouse_only:
        return lighthouse_only(args)
    with (
        tempfile.TemporaryDirectory(prefix="invest-qingdao-bench-") as folder,
        tempfile.TemporaryDirectory(prefix="invest-qingdao-demo-") as demo_folder,
    ):
        set_up(folder)
        from bench import data, enquiry, factsheets, load, report, results, server

        started = time.perf_counter()
        counts = data.fill(args.parks, args.policies, args.events)
        fill_seconds = time.perf_counter() - started
        print(f"Filled {counts} in {fill_seconds:.1f} s", flush=True)

        sizes = {
            "park": args.parks,
            "policy": args.policies,
            "event": args.events,
            "centre": data.CENTRES,
            "site": data.SITES,
        }
        pages = server.pages(sizes)
        timings = server.measure(pages, args.requests)
        rates = {} if args.no_load else load.measure(server.load_pages(pages), args.load_seconds)
        demo_rates, scores = ({}, {}) if args.no_demo else measure_demo(args, demo_folder)
        thanks = {} if args.no_load else enquiry.measure()
        sheets = factsheets.measure(samples=1 if args.quick else factsheets.SAMPLES)
        text = report.render(args, counts, fill_seconds, timings, rates, demo_rates, thanks, sheets)
    results.write(args.output, "bench", text)
    if scores:
        results.write(args.output, "lighthouse", report.render_lighthouse(scores))
    print(text)
    print(f"Written to {args.output}")


if __name__ == "__main__":
    main()
