"""The desk's name in every language: existing names become the default language's."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from modeltranslation.utils import build_localized_fieldname


def default_language_column():
    return build_localized_fieldname("name", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def names_to_default_language(apps, schema_editor):
    column = default_language_column()
    Desk = apps.get_model("enquiries", "Desk")
    Desk.objects.filter(**{f"{column}__isnull": True}).update(**{column: F("name")})


def names_from_default_language(apps, schema_editor):
    column = default_language_column()
    Desk = apps.get_model("enquiries", "Desk")
    Desk.objects.exclude(**{f"{column}__isnull": True}).update(name=F(column))


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0010_site"),
    ]

    operations = [
        migrations.AddField(
            model_name="desk",
            name="name_en",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="desk",
            name="name_zh_hans",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.RunPython(names_to_default_language, names_from_default_language),
    ]
