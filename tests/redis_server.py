"""A real, throw-away redis-server on a free loopback port, for the cache-failure tests."""

import shutil
import socket
import subprocess
import time

import pytest

PORTS = range(6390, 6400)


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"No free port for redis-server in {PORTS}")


class RedisServer:
    def __init__(self, *options):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is not installed: run `make system-deps`")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", *options]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        self.wait_until(lambda: self.answers())

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    @staticmethod
    def wait_until(condition, seconds=10):
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail("redis-server did not start or stop in time")
            time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def caches(self):
        """CACHES as portal/settings.py configures them with REDIS_URL set."""
        from portal import settings as portal_settings

        redis = {**portal_settings.REDIS_CACHE, "LOCATION": self.url}
        return {
            "default": redis,
            "ratelimit": {**redis, "FALLBACK": "embedded"},
            "embedded": portal_settings.EMBEDDED_CACHE,
        }
