"""Every record the portal keeps, serialized the way a backup is written."""

import io
import json

from django.core.management import call_command

# Rebuilt by `migrate` or meaningless after a restore: never part of a backup.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


def dump(*labels, **options):
    """The records as the README's dumpdata command writes them (natural keys)."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        *labels,
        natural_foreign=True,
        natural_primary=True,
        exclude=NOT_BACKED_UP,
        stdout=out,
        **options,
    )
    return out.getvalue()


def records(*labels):
    """The dump as a sorted list, so that two snapshots compare regardless of order."""
    return sorted(json.dumps(record, sort_keys=True) for record in json.loads(dump(*labels)))
