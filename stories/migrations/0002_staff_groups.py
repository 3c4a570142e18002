"""Editors manage the stories content, investment officers read it; subscriptions
(investors' email addresses) are for editors to view and delete only."""

from django.db import migrations

CONTENT_MODELS = [
    "story",
    "newsitem",
    "bilateralfigure",
    "countryprofile",
    "guidestep",
    "sectorfigure",
]
EDITOR = "Editor"
OFFICER = "Investment officer"


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(
        content_type__app_label="stories", content_type__model__in=CONTENT_MODELS
    )
    subscriptions = Permission.objects.filter(
        content_type__app_label="stories",
        content_type__model="subscription",
        codename__in=["view_subscription", "delete_subscription"],
    )
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*content, *subscriptions)
    officer, _ = Group.objects.get_or_create(name=OFFICER)
    officer.permissions.add(*content.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    stories = Permission.objects.filter(content_type__app_label="stories")
    for group in Group.objects.filter(name__in=[EDITOR, OFFICER]):
        group.permissions.remove(*stories)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("projects", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
