"""The benchmark's report: it keeps hand-written notes, reads wrk, and marks budgets."""

from pathlib import Path

from bench import load, report, results
from projects import inventory

NOTES = "# Benchmark results\n\nA note written by hand.\n"


def test_a_run_replaces_only_its_own_block(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(NOTES, encoding="utf-8")
    results.write(path, "bench", "first run")
    results.write(path, "lighthouse", "scores")
    path.write_text(path.read_text(encoding="utf-8") + "\nA note at the end.\n", encoding="utf-8")
    results.write(path, "bench", "second run")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(NOTES)
    assert "A note at the end." in text
    assert "second run" in text and "first run" not in text
    assert text.count("<!-- bench:bench:start -->") == 1
    assert "<!-- bench:lighthouse:start -->\nscores\n<!-- bench:lighthouse:end -->" in text


def test_a_new_file_holds_the_block_only(tmp_path):
    path = tmp_path / "RESULTS.md"
    results.write(path, "bench", "figures")
    assert path.read_text(encoding="utf-8") == (
        "<!-- bench:bench:start -->\nfigures\n<!-- bench:bench:end -->\n"
    )


def test_the_committed_results_have_both_blocks():
    content = (Path(results.__file__).parent / "RESULTS.md").read_text(encoding="utf-8")
    for name in ("bench", "lighthouse"):
        start, end = results.markers(name)
        assert content.count(start) == 1 and content.index(start) < content.index(end)


WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8200/en/
  2 threads and 16 connections
  1234 requests in 2.00s, 10.00MB read
  Socket errors: connect 0, read 1234, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    617.25
Transfer/sec:      5.00MB
"""


def test_wrk_output_is_read():
    # Read errors are the sync workers closing connections; timeouts and errors count.
    assert load.parse(WRK_OUTPUT) == {"rps": 617.25, "failed": 5}


def timing(**figures):
    return {
        "url": "/en/parks/",
        "status": 200,
        "queries": 2,
        "warm_queries": 1,
        "cold_ms": 90.0,
        "after_edit_ms": 9.0,
        "html_kb": 20.0,
        "p50": 2.0,
        "p95": 4.0,
        "cpu_p50": 1.5,
        **figures,
    }


def test_each_page_row_says_whether_its_budgets_are_met():
    failures = []
    rows = report.server_table(
        {"park list [en]": timing(), "park detail [en]": timing(html_kb=inventory.MAX_HTML_KB + 1)},
        failures,
    )
    met, missed = rows[2:]
    assert met.endswith("| ✅ |") and missed.endswith("| ❌ |")
    assert failures == [f"park detail [en]: HTML KB 61 (budget {inventory.MAX_HTML_KB})"]


def test_load_rows_compare_with_the_peer():
    peer = inventory.PEER_RPS["park list"]
    fast = {"rps": inventory.PEER_RATIO * peer, "failed": 0}
    slow = {"rps": peer, "failed": 0}
    cached = {"rps": inventory.CACHED_RPS, "failed": 0}
    failures = []
    rows = report.load_table(
        {
            "park list [en]": {"url": "/en/parks/", "uncached": fast, "cached": cached},
            "park list [zh-hans]": {"url": "/zh-hans/parks/", "uncached": slow, "cached": cached},
        },
        failures,
        "demo",
    )
    assert "| 10.0 × |" in rows[2] and rows[2].endswith("| ✅ |")
    assert "| 1.0 × |" in rows[3] and rows[3].endswith("| ❌ |")
    assert len(failures) == 1 and "park list [zh-hans] (demo)" in failures[0]


def lighthouse_summary(seo, failing_seo):
    scores = {"performance": 1, "accessibility": 1, "best-practices": 1, "seo": seo}
    failing = {"performance": [], "accessibility": [], "best-practices": [], "seo": failing_seo}
    return {
        "scores": scores,
        "lcp_ms": 900,
        "cls": 0,
        "kb_before_images": 12.0,
        "kb_total": 40,
        "fonts": [],
        "failing": failing,
    }


def test_only_a_shortlist_page_may_be_kept_out_of_search_engines():
    crawl = ["is-crawlable (noindex)"]
    failures = []
    rows = report.lighthouse_table(
        {
            "park comparison [en]": lighthouse_summary(0.69, crawl),
            "park list [en]": lighthouse_summary(0.69, crawl),
            "site comparison [en]": lighthouse_summary(0.9, ["meta-description"]),
        },
        failures,
    )
    assert [row.endswith("| ✅ |") for row in rows[2:]] == [True, False, False]
    assert len(failures) == 2


def test_the_whole_report_renders(tmp_path):
    args = type("Args", (), {"requests": 5, "load_seconds": 2})()
    counts = {"parks": 5000, "policies": 10000, "events": 10000}
    timings = {"search [en]": timing(url="/en/search/?q=Qingdao", p50=12.0)}
    rate = {"rps": 2000.0, "failed": 0}
    rates = {"static CSS": {"url": "/static/css/site.css", "uncached": rate, "cached": rate}}
    text = report.render(args, counts, 20.0, timings, rates, rates)
    assert "at 25000 records: p50 12.0 ms" in text
    assert "## Requests per second on the demo data set" in text
    assert "## Requests per second at benchmark size" in text
    assert "| static CSS | 2000 | 1434 | 1.4 × |" in text
    assert "search [en]: p50 ms 12.0 (budget 6)" in text  # the list budget, not search's 15


def test_a_page_that_cannot_be_loaded_is_a_failure_not_the_end_of_the_run():
    figures = load.requests_per_second("http://127.0.0.1:1/en/", 1)
    assert figures["rps"] == 0 and figures["failed"] == 1 and figures["error"]
