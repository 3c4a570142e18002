"""Staff groups: editors manage all content, investment officers read it."""

from django.db import migrations
from django.db.models import Q

CONTENT_MODELS = [
    "sector",
    "district",
    "cityfigure",
    "park",
    "parkfigure",
    "policy",
    "event",
    "overseascentre",
]
EDITOR = "Editor"
OFFICER = "Investment officer"


def ensure_permissions(apps):
    # Permissions are normally created after all migrations; make them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(
        Q(content_type__app_label="projects", content_type__model__in=CONTENT_MODELS)
        | Q(content_type__app_label="images", content_type__model="image")
    )
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*content)
    officer, _ = Group.objects.get_or_create(name=OFFICER)
    officer.permissions.add(*content.filter(codename__startswith="view_"))


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
