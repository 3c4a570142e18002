"""Investment officers answer enquiries, keep their desks' call slots and see the bookings.

Replies are never changed or deleted once sent, so officers get no such permission.
"""

from django.db import migrations

OFFICER = "Investment officer"
OFFICER_CODENAMES = [
    "view_reply",
    "add_reply",
    "view_booking",
    "view_callslot",
    "add_callslot",
    "change_callslot",
    "delete_callslot",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("enquiries")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    officer, _ = Group.objects.get_or_create(name=OFFICER)
    officer.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="enquiries", codename__in=OFFICER_CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=OFFICER):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="enquiries", codename__in=OFFICER_CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0005_replies")]

    operations = [migrations.RunPython(grant, revoke)]
