"""A real HTTP server on 127.0.0.1 (ports 8300-8399) for the link checker's tests."""

import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTS = range(8310, 8400)
SLOW_SECONDS = 2


class Handler(BaseHTTPRequestHandler):
    def answer(self, method):
        self.server.requests.append((method, self.path))
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        status = {"/ok": 200, "/missing": 404, "/slow": 200, "/no-head": 200}.get(path, 404)
        if path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.path.split("?to=")[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/no-head" and method == "HEAD":
            status = 405
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass  # the checker gave up waiting: nothing to tell

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")

    def log_message(self, *args):
        pass


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port in 8310-8399")


@contextmanager
def link_server():
    """Yields the server: `server.url("/ok")`, `server.requests` [(method, path)]."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    server.daemon_threads = True
    server.requests = []
    server.url = lambda path: f"http://127.0.0.1:{server.server_address[1]}{path}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
