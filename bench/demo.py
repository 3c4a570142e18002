"""The demo data set (`manage.py load_demo`) in a scratch folder of its own.

The demo's pages are the ones the peer's figures compare with (issue 20): a few
parks and policies with photos and real texts. Built by subprocesses, as the
benchmark's own Django is set up on the large data set.

    .venv/bin/python -m bench.demo FOLDER    # prints the demo's slugs (JSON)
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (
    ("migrate",),
    ("createcachetable", "--database", "cache"),
    ("collectstatic", "--no-input"),
    ("load_demo",),
)


def environment(folder):
    env = {**os.environ, "BENCH_DIR": str(folder), "DJANGO_SETTINGS_MODULE": "bench.settings"}
    env.pop("BENCH_CACHE", None)
    return env


def build(folder):
    """Schema, static files and the demo content in `folder`; returns {kind: slug}."""
    env = environment(folder)
    for command in COMMANDS:
        manage = [sys.executable, "manage.py", *command, "--verbosity", "0"]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    listed = subprocess.run(
        [sys.executable, "-m", "bench.demo", str(folder)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(listed.stdout.strip().splitlines()[-1])


def slugs():
    """A published record of every kind the inventory's pages take, in the demo."""
    from projects.content_types import public_types
    from projects.models import Sector

    first = {
        declared.key: declared.published().order_by("pk").first() for declared in public_types()
    }
    found = {key: record.slug for key, record in first.items() if record is not None}
    sector = Sector.objects.order_by("pk").first()
    if sector is not None:
        found["sector"] = sector.slug
    # A country page exists for the country of each overseas centre.
    centre = first.get("centre")
    if centre is not None:
        found["country"] = centre.country.code.lower()
    return found


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(slugs()))
