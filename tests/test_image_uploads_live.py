"""Two photo uploads at once through two real gunicorn workers: both stored, no 500."""

import http.cookiejar
import io
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from PIL import Image as PILImage

from .production import BASE_DIR

pytestmark = pytest.mark.slow

PORTS = range(8400, 8450)
PASSWORD = "a-long-editor-password"
SQLITE_OPTIONS = "timeout=20&transaction_mode=IMMEDIATE"


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port")


def jpeg(size, seed):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 40 + seed).convert("RGB").save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for name, value in fields.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        )
        body.write(f"{value}\r\n".encode())
    for name, (filename, content) in files.items():
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
        )
        body.write(content + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self.NoRedirect
        )

    def request(self, path, data=None, content_type=None):
        request = urllib.request.Request(self.base + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def csrf(self, path):
        _status, html = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self):
        token = self.csrf("/admin/login/")
        fields = {"csrfmiddlewaretoken": token, "username": "editor", "password": PASSWORD}
        status, _html = self.request(
            "/admin/login/?next=/admin/", urllib.parse.urlencode(fields).encode()
        )
        assert status == 302

    def add_park(self, number, photo):
        prefix = "images-image-content_type-object_id"
        fields = {
            "csrfmiddlewaretoken": self.csrf("/admin/projects/park/add/"),
            "name_en": f"Park {number}",
            "name_zh_hans": f"园区{number}",
            "kind": "industrial_park",
            "summary_en": "A park.",
            "summary_zh_hans": "园区。",
            "slug": f"park-{number}",
            "status": "draft",
            "figures-TOTAL_FORMS": 0,
            "figures-INITIAL_FORMS": 0,
            f"{prefix}-TOTAL_FORMS": 1,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-0-alt_en": "Roofs",
            f"{prefix}-0-alt_zh_hans": "屋顶",
            f"{prefix}-0-position": 0,
        }
        body, content_type = multipart(fields, {f"{prefix}-0-file": (f"park-{number}.jpg", photo)})
        return self.request("/admin/projects/park/add/", body, content_type)


@pytest.fixture
def site(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        # Writers queue for the lock instead of failing on a read-to-write upgrade.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}?{SQLITE_OPTIONS}",
        "DJANGO_CACHE_DATABASE": str(tmp_path / "cache.sqlite3"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "IMAGE_MAX_PIXELS": "4000000",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("REDIS_URL", None)

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)

    manage("migrate", "--no-input", "-v0")
    manage("createcachetable", "--database", "cache")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser('editor', 'e@example.com', '{PASSWORD}')",
    )
    server = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=(tmp_path / "server.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not (_listening(port) and Browser(base).request("/healthz")[0] == 200):
        assert time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.2)
    yield base, tmp_path
    server.terminate()
    server.wait(30)


def _listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_two_uploads_at_once_are_both_stored(site):
    base, folder = site
    browsers = [Browser(base), Browser(base)]
    for browser in browsers:
        browser.log_in()
    photos = [jpeg((1800, 1200), seed) for seed in range(2)]
    barrier = threading.Barrier(2)
    results = {}

    def upload(number):
        barrier.wait()
        started = time.monotonic()
        status, _html = browsers[number].add_park(number, photos[number])
        results[number] = (status, time.monotonic() - started)

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert [results[n][0] for n in range(2)] == [302, 302], results
    with sqlite3.connect(folder / "db.sqlite3") as db:
        rows = db.execute("SELECT file, renditions FROM images_image ORDER BY id").fetchall()
    assert len(rows) == 2
    # Stored at once; the renditions are left to the background worker.
    assert all(renditions == "[]" for _file, renditions in rows)
    for name, _renditions in rows:
        assert (folder / "media" / name).exists()
