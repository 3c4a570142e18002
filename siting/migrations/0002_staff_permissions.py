"""Editors manage the site-selection data; investment officers read it."""

from django.db import migrations

EDITOR = "Editor"
OFFICER = "Investment officer"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("siting")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label="siting")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*content)
    officer, _ = Group.objects.get_or_create(name=OFFICER)
    officer.permissions.add(*content.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, OFFICER]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="siting"))


class Migration(migrations.Migration):
    dependencies = [
        ("siting", "0001_sites"),
        ("projects", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
