"""Requests per second with gunicorn (2 workers) on loopback, under a bounded load."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
CLIENT_THREADS = 4


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means the server is up
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


@contextlib.contextmanager
def gunicorn(cache):
    """A gunicorn on the scratch database; `cache` turns the whole-page cache on or off."""
    port = free_port()
    env = {**os.environ, "BENCH_CACHE": "1" if cache else "0"}
    command = [str(GUNICORN), "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(WORKERS), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def hammer(url, deadline):
    """Fetch `url` until the deadline; returns (successes, failures)."""
    done = failed = 0
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
            done += 1
        except (urllib.error.URLError, OSError):
            failed += 1
    return done, failed


def requests_per_second(url, seconds):
    urllib.request.urlopen(url, timeout=30).read()  # warm the workers and the cache
    started = time.monotonic()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        outcomes = list(
            pool.map(hammer, [url] * CLIENT_THREADS, [started + seconds] * CLIENT_THREADS)
        )
    elapsed = time.monotonic() - started
    done = sum(ok for ok, _failed in outcomes)
    failed = sum(bad for _ok, bad in outcomes)
    return {"rps": done / elapsed, "failed": failed}


def measure(pages, seconds):
    """{label: {"uncached": rps, "cached": rps}} for every page."""
    rates = {label: {} for label, _url in pages}
    for cache in (False, True):
        with gunicorn(cache) as base:
            for label, url in pages:
                rate = requests_per_second(base + url, seconds)
                rates[label]["cached" if cache else "uncached"] = rate
                print(f"{label:28} cache={cache} {rate}", flush=True)
    return rates
