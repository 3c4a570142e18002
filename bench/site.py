"""A real site for load tests and the benchmark: gunicorn, db_worker processes, a client.

Every process gets `PORTAL_ROLE` (web or worker), so a mail backend can tell who
called it (see bench/slow_mail.py). The load tests use it too.
"""

import contextlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
REFERENCE = re.compile(r"IQ-\d{4}-\d+")
# Test servers listen on loopback, on the first free port of this range.
PORTS = os.environ.get("PORTAL_TEST_PORTS", "8200-8249")


def free_port(ports=PORTS):
    """The first port of the range "first-last" that nothing on loopback listens on."""
    first, last = (int(number) for number in ports.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports}")


class HiddenInputs(HTMLParser):
    """The hidden fields of a page's forms (CSRF token and any the form adds)."""

    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


@dataclass
class Submission:
    form_status: int
    post_status: int
    thanks_status: int
    seconds: float  # POST and the redirect to the thank-you page
    reference: str | None


class Client:
    """One visitor: keeps its cookies, talks HTTP/1.1 to the server."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location"), content


class Site:
    """migrate, then gunicorn (2 sync workers) and db_worker processes on `env`."""

    def __init__(self, folder, env):
        self.folder = Path(folder)
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": "2"}
        self.web = None
        self.workers = []

    def manage(self, *args, role="admin"):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, "PORTAL_ROLE": role},
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )

    def spawn(self, name, command, role):
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, "PORTAL_ROLE": role},
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def start_web(self):
        self.web = self.spawn(
            "gunicorn", [GUNICORN, "-c", "portal/gunicorn.conf.py", "portal.wsgi"], "web"
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.web.poll() is None, self.log("gunicorn")
            with contextlib.suppress(OSError):
                if Client(self.port).request("GET", "/healthz")[0] == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer in time:\n" + self.log("gunicorn"))

    def web_pids(self):
        """gunicorn's master and its workers."""
        children = Path(f"/proc/{self.web.pid}/task/{self.web.pid}/children").read_text()
        return {self.web.pid, *(int(pid) for pid in children.split())}

    def start_workers(self, count):
        for number in range(count):
            command = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
            command += ["--no-reload", "--no-startup-delay", "--worker-id", f"load-{number}"]
            self.workers.append(self.spawn(f"worker-{number}", command, "worker"))

    def stop_workers(self):
        for process in self.workers:
            process.terminate()
        for process in self.workers:
            process.wait(timeout=60)

    def close(self):
        for process in [*self.workers, self.web]:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def log(self, name):
        path = self.folder / f"{name}.log"
        return path.read_text() if path.exists() else ""

    def query(self, code):
        """Run `code` in a Django shell on the site's database; it prints one JSON value."""
        output = self.manage("shell", "--no-imports", "-c", code).stdout
        return json.loads(output.strip().splitlines()[-1])

    def submit(self, fields, language="en"):
        """A visitor opens the form, sends it and follows the redirect to the thank-you page."""
        client = Client(self.port)
        form_status, _location, page = client.request("GET", f"/{language}/enquiry/")
        hidden = HiddenInputs()
        hidden.feed(page)
        started = time.perf_counter()
        post_status, location, _body = client.request(
            # The form's own hidden inputs (CSRF, one-time token) win over the test's data.
            "POST",
            f"/{language}/enquiry/",
            {**fields, **hidden.fields},
        )
        thanks_status, thanks = 0, ""
        if post_status == 302 and location:
            thanks_status, _location, thanks = client.request("GET", location)
        seconds = time.perf_counter() - started
        found = REFERENCE.search(thanks)
        return Submission(
            form_status, post_status, thanks_status, seconds, found.group() if found else None
        )


def enquiry_data(**fields):
    """POST data the enquiry form accepts, with a fresh one-time token; override only
    what a test is about."""
    from enquiries.forms import CONSENT_YES
    from enquiries.models import Enquiry
    from enquiries.submission import issue_token

    return {
        "name": "Anna Schmidt",
        "company": "Nordsee Maschinenbau GmbH",
        "country": "DE",
        "email": "anna@nordsee.example",
        "phone": "+49 40 1234 5678",
        "stage": Enquiry.Stage.SHORTLISTING,
        "message": "We are looking for 20,000 m² of factory space near the port.",
        "contact_window": Enquiry.ContactWindow.MORNING,
        "consent": CONSENT_YES,
        "submission_token": issue_token(),
        **fields,
    }
