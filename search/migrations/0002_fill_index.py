"""Index the records already published."""

from django.db import migrations


def fill(apps, schema_editor):
    from search.indexing import rebuild

    rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_index"),
        ("projects", "0008_public_list_indexes"),
        ("siting", "0003_reviewed"),
        ("stories", "0003_public_list_indexes"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
