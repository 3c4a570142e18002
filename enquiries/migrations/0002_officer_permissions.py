"""Investment officers view and handle enquiries; editors get no access to them.

Also creates the default desk, so that every enquiry has somewhere to go from the
first day; staff rename it and set its address in the admin.
"""

from django.db import migrations

OFFICER = "Investment officer"
OFFICER_CODENAMES = ["view_enquiry", "change_enquiry"]


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
    Desk = apps.get_model("enquiries", "Desk")
    if not Desk.objects.filter(is_default=True).exists():
        Desk.objects.get_or_create(
            name="Investment promotion desk",
            defaults={"email": "invest@qingdao.example", "is_default": True},
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
    dependencies = [
        ("enquiries", "0001_initial"),
        ("projects", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
