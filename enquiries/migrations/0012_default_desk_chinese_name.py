"""The default desk that 0002 created gets its Chinese name: a Chinese page or email
names it in Chinese. A desk staff have renamed, or named in Chinese, is left as it is."""

from django.db import migrations

CREATED_AS = "Investment promotion desk"
CHINESE_NAME = "投资促进受理窗口"


def name_in_chinese(apps, schema_editor):
    Desk = apps.get_model("enquiries", "Desk")
    Desk.objects.filter(is_default=True, name_en=CREATED_AS, name_zh_hans__isnull=True).update(
        name_zh_hans=CHINESE_NAME
    )


def unname(apps, schema_editor):
    Desk = apps.get_model("enquiries", "Desk")
    Desk.objects.filter(is_default=True, name_en=CREATED_AS, name_zh_hans=CHINESE_NAME).update(
        name_zh_hans=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0011_desk_name_languages"),
    ]

    operations = [migrations.RunPython(name_in_chinese, unname)]
