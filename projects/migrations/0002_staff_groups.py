"""Staff groups: editors manage all content, investment officers read it.

The groups' rights are not frozen here: after every migrate (and every test database
flush) projects.content_types.sync_staff_groups gives them the rights each model
declares (`public = PublicType(...)` or `staff = StaffAccess()`).
"""

from django.db import migrations

EDITOR = "Editor"
OFFICER = "Investment officer"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in (EDITOR, OFFICER):
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, OFFICER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("images", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
