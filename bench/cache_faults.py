"""Cache faults against two gunicorn workers: Redis up, down and full, and the embedded cache.

    .venv/bin/python bench/cache_faults.py

Builds a throw-away site (SQLite, demo content) in a temporary folder, starts
redis-server on 127.0.0.1:6391 and gunicorn (2 workers) on 127.0.0.1:8410, and
prints, per scenario, the answers to 200 public-page requests, whether an
enquiry is stored, what /healthz says, and how many page-cache entries 600
requests with varying query strings and Host ports leave behind.
"""

import collections
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REDIS_PORT, WEB_PORT = 6391, 8410
BASE = f"http://127.0.0.1:{WEB_PORT}"
PAGES = ["/en/", "/en/parks/", "/zh-hans/parks/", "/en/policies/", "/en/events/", "/en/centres/"]


def get(path, host=None, opener=None, data=None):
    request = urllib.request.Request(BASE + path, data=data)
    if host:
        request.add_header("Host", host)
    request.add_header("Referer", BASE + path)
    try:
        with (opener.open if opener else urllib.request.urlopen)(request, timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:
        return type(error).__name__, ""


def pages(count=200):
    return collections.Counter(get(PAGES[n % len(PAGES)])[0] for n in range(count))


def enquiry():
    """Post one enquiry through the form; returns the answer's status."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    _status, html = get("/en/enquiry/", opener=opener)
    fields = dict(
        re.findall(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"', html)
    )
    fields.update(
        name="Anna Schmidt",
        company="Nordsee GmbH",
        country="DE",
        email=f"anna{time.time_ns()}@example.com",
        stage="exploring",
        message="Factory space near the port.",
        contact_window="any",
        consent="yes",
    )
    return get("/en/enquiry/", opener=opener, data=urllib.parse.urlencode(fields).encode())[0]


def variants():
    for number in range(300):
        get(f"/en/parks/?utm_source=mail{number}")
        get("/en/parks/", host=f"127.0.0.1:{1000 + number}")


class Redis:
    def __init__(self, *options):
        command = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1"]
        self.process = subprocess.Popen(
            [*command, "--save", "", *options], stdout=subprocess.DEVNULL
        )
        time.sleep(0.5)

    def cli(self, *args):
        command = ["redis-cli", "-p", str(REDIS_PORT), *args]
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()

    def fill(self):
        """Write until Redis refuses with its out-of-memory error."""
        import redis

        client = redis.Redis(port=REDIS_PORT)
        try:
            for number in range(100_000):
                client.set(f"filler:{number}", b"x" * 1000)
        except redis.exceptions.ResponseError:
            pass

    def stop(self):
        self.process.terminate()
        self.process.wait()


def run(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, **kwargs)


def serve(env):
    if get("/healthz")[0] != "URLError":
        raise SystemExit(f"Something already listens on {BASE}")
    server = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(100):
        if get("/healthz")[0] == 200:
            return server
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def stop(server):
    server.terminate()
    server.wait()


def report(label, db, **figures):
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT COUNT(*) FROM enquiries_enquiry").fetchone()[0]
    health = get("/healthz")
    print(f"{label}: pages {dict(pages())}, enquiries stored {stored},", end=" ")
    print(f"healthz {health[0]} {health[1][:60]!r}", *(f"{k} {v}" for k, v in figures.items()))


def main():
    folder = Path(tempfile.mkdtemp(prefix="cache-faults-"))
    db = folder / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{db}?timeout=20&transaction_mode=IMMEDIATE",
        "DJANGO_CACHE_DATABASE": str(folder / "cache.sqlite3"),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PORT": str(WEB_PORT),
        "WEB_CONCURRENCY": "2",
    }
    env.pop("REDIS_URL", None)
    for args in (("migrate", "-v0"), ("createcachetable", "--database", "cache"), ("load_demo",)):
        run(env, *args, check=True, stdout=subprocess.DEVNULL)

    server = serve(env)  # the embedded cache
    try:
        enquiry()
        variants()
        report("embedded cache", db, **{"cache rows after 600 variants": cache_rows(folder)})
        print(f"  cache rows after the pages too: {cache_rows(folder)}")
    finally:
        stop(server)

    env["REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    redis = Redis()
    server = serve(env)
    try:
        enquiry()
        variants()
        report("redis up", db, **{"redis keys after 600 variants": redis.cli("dbsize")})
        print(f"  redis keys after the pages too: {redis.cli('dbsize')}")
        redis.stop()
        report("redis down", db, **{"enquiry answer": enquiry()})
        redis = Redis("--maxmemory", "1mb", "--maxmemory-policy", "noeviction")
        redis.fill()
        report(
            "redis full", db, **{"enquiry answer": enquiry()}, oom=redis.cli("set", "x", "y")[:30]
        )
    finally:
        redis.stop()
        stop(server)
    print(f"(site in {folder})")


def cache_rows(folder):
    with sqlite3.connect(folder / "cache.sqlite3") as connection:
        return connection.execute("SELECT COUNT(*) FROM portal_cache").fetchone()[0]


if __name__ == "__main__":
    main()
