"""Every record the portal keeps, serialized the way a backup is written."""

import io
import json
import re

from django.core.management import call_command

# Rebuilt by `migrate` or meaningless after a restore: never part of a backup. The search
# index is made again from the records as they load.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes", "search"]


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


# The serializer writes times to the millisecond: a time under 1 ms past the second comes
# back from a restore as the whole second ("…:21.000Z" is read and written again as "…:21Z").
WHOLE_MILLISECOND = re.compile(r"(T\d\d:\d\d:\d\d)\.000(?=Z|[+-]\d\d:\d\d)")


def records(*labels):
    """The dump as a sorted list, so that two snapshots compare regardless of order."""
    return sorted(
        WHOLE_MILLISECOND.sub(r"\1", json.dumps(record, sort_keys=True))
        for record in json.loads(dump(*labels))
    )
