"""Requests per second: gunicorn (2 sync workers, bench settings) on loopback, Debian's wrk.

`wrk -t2 -c16` as in the peer's figures (issue 20); the page cache off (every page
rendered, fragment caches on) or on. The server takes a free port of BENCH_PORTS.
"""

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.site import free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
WRK = ("wrk", "-t2", "-c16")
PORTS = os.environ.get("BENCH_PORTS", "8200-8299")


def wait_until_up(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means the server is up
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def server_env(cache, folder=None):
    env = {**os.environ, "DJANGO_PUBLIC_PAGE_CACHE": "1" if cache else "0"}
    env.pop("BENCH_CACHE", None)  # the real cache backend: fragments stay cached
    if folder:
        env["BENCH_DIR"] = str(folder)
    return env


@contextlib.contextmanager
def gunicorn(cache, folder=None):
    """A gunicorn on the scratch database (BENCH_DIR, or `folder`); `cache`: the page cache."""
    port = free_port(PORTS)
    command = [str(GUNICORN), "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(WORKERS), "--worker-class", "sync", "--log-level", "warning"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=server_env(cache, folder), stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def parse(output):
    """wrk's summary as {"rps", "failed"}: non-2xx/3xx answers and socket errors."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rate:
        raise RuntimeError(f"no rate in wrk's output:\n{output}")
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    # Read errors are gunicorn's sync workers closing each connection: not failures.
    if errors:
        failed += int(errors.group(1)) + int(errors.group(3)) + int(errors.group(4))
    return {"rps": float(rate.group(1)), "failed": failed}


def requests_per_second(url, seconds):
    """wrk's figures for `url`; a page that cannot be measured is a failure, not the end."""
    try:
        for _warm_up in range(2):  # the workers' first request and the caches
            urllib.request.urlopen(url, timeout=60).read()
        command = [*WRK, f"-d{max(1, round(seconds))}s", "--timeout", "10s", url]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
        return parse(completed.stdout)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        return {"rps": 0.0, "failed": 1, "error": str(error)}


def measure(pages, seconds, folder=None):
    """{label: {"uncached": figures, "cached": figures}} for every (label, path)."""
    rates = {label: {"url": url} for label, url in pages}
    for cache in (False, True):
        with gunicorn(cache, folder) as base:
            for label, url in pages:
                rate = requests_per_second(base + url, seconds)
                rates[label]["cached" if cache else "uncached"] = rate
                print(f"{label:28} page cache {'on ' if cache else 'off'} {rate}", flush=True)
    return rates
