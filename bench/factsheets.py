"""PDF fact sheets: how long the worker takes to print a park's and a site's, and their size;
then the comparison and pre-assessment sheets printed on request (bench/decide_sheets.py).

    .venv/bin/python bench/factsheets.py   # on its own, scratch data: RESULTS-factsheets.md

`bench/run.py` measures them too, on its large data set, in RESULTS.md.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SAMPLES = 3
PARKS = 200  # the stand-alone run's data set; sites and nodes as bench/data.py makes them
OUTPUT = Path(__file__).resolve().parent / "RESULTS-factsheets.md"
# A park's sheet must stay small enough to mail (one CJK weight, a vector map).
MAX_PARK_KB = 400


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - started) * 1000


def middle_record(declared):
    published = declared.declared.published().order_by("pk")
    return published[published.count() // 2]


def measure(samples=SAMPLES):
    """{label: figures}: each variant printed `samples` times, then one worker task."""
    from factsheets.kinds import KINDS, variant_languages, variants
    from factsheets.render import pdf_bytes
    from factsheets.services import make_sheets

    results = {}
    for kind, declared in KINDS.items():
        record = middle_record(declared)
        context, context_ms = timed(declared.context, record.slug)
        for variant in variants():
            runs = [
                timed(pdf_bytes, declared.template, context, language=variant_languages(variant))
                for _ in range(samples)
            ]
            times = [ms for _data, ms in runs]
            results[f"{kind} [{variant}]"] = {
                "record": record.slug,
                "p50": statistics.median(times),
                "max": max(times),
                "kb": len(runs[0][0]) / 1024,
                "max_kb": MAX_PARK_KB if kind == "park" else None,
            }
        _printed, first_ms = timed(make_sheets, kind=kind, record_id=record.pk)
        _printed, again_ms = timed(make_sheets, kind=kind, record_id=record.pk)
        results[f"{kind}: worker task"] = {
            "record": record.slug,
            "context_ms": context_ms,
            "first_ms": first_ms,
            "unchanged_ms": again_ms,
        }
        print(f"{kind:6} {results[f'{kind}: worker task']}", flush=True)
    # The comparison and pre-assessment sheets, printed on request: same table.
    from bench import decide_sheets

    results.update(decide_sheets.measure(samples))
    return results


def main():
    from bench.run import set_up

    with tempfile.TemporaryDirectory(prefix="invest-qingdao-sheets-") as folder:
        set_up(folder)
        from bench import data, report

        counts = data.fill(parks=PARKS, policies=2 * PARKS, events=PARKS)
        failures = []
        table = report.sheets_table(measure(), failures)
    lines = [
        "# PDF fact sheets",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with"
        " `.venv/bin/python bench/factsheets.py`.",
        "",
        f"- Machine: {report.machine()}.",
        "- Data set: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + ".",
        f"- Each variant printed {SAMPLES} times in-process (what the worker does).",
        "",
        *table,
        "",
        *([f"- {failure}" for failure in failures] or ["Every budget is met."]),
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
