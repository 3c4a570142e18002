"""Lighthouse 12 (npm, mobile defaults) with Debian's Chromium against gunicorn on loopback."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from bench.load import gunicorn

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-background-networking"
    " --disable-component-update --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url, output, attempts=3):
    """One Lighthouse report; retried, as a trace is now and then lost (NO_NAVSTART)."""
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}"]
    command += ["--output=json", f"--output-path={output}", "--quiet"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for attempt in range(1, attempts + 1):
        completed = subprocess.run(command, env=env, timeout=180)
        if completed.returncode == 0:
            return json.loads(Path(output).read_text(encoding="utf-8"))
        print(f"Lighthouse failed on {url} (attempt {attempt} of {attempts})", flush=True)
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def failing_audits(result, category):
    """The weighted audits of a category that did not score 1, with what they point at."""
    audits = result["audits"]
    failing = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit.get("score") not in (None, 1):
            items = (audit.get("details") or {}).get("items") or []
            found = [item.get("description") or item.get("url") for item in items[:3]]
            found = [str(text)[:120] for text in found if text]
            failing.append(ref["id"] + (f" ({'; '.join(found)})" if found else ""))
    return failing


def summarise(result):
    audits = result["audits"]
    requests = audits["network-requests"]["details"]["items"]
    before_images = sum(
        item.get("transferSize", 0) for item in requests if item.get("resourceType") != "Image"
    )
    fonts = [item["url"] for item in requests if item.get("resourceType") == "Font"]
    return {
        "scores": {name: result["categories"][name]["score"] for name in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb_before_images": before_images / 1024,
        "kb_total": audits["total-byte-weight"]["numericValue"] / 1024,
        "fonts": fonts,
        "failing": {name: failing_audits(result, name) for name in CATEGORIES},
    }


def measure(pages, data_folder=None):
    """{label: summary} for each page, against gunicorn with the production page cache."""
    results = {}
    with gunicorn(True, data_folder) as base, tempfile.TemporaryDirectory() as folder:
        for number, (label, url) in enumerate(pages):
            result = run(base + url, Path(folder) / f"{number}.json")
            results[label] = {"url": url, **summarise(result)}
            print(f"{label:28} {results[label]['scores']}", flush=True)
    return results
