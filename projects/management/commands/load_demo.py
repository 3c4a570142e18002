"""Load the bilingual demo content: fixtures/*.json, then the demo images."""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files import File
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.utils import translation

from images.models import Image
from images.tasks import make_missing_renditions

IMAGE_MANIFEST = "media/images.json"
LOAD_ERRORS = (DeserializationError, DatabaseError, ValueError, CommandError)
IMAGE_ERRORS = (
    OSError,
    ValueError,
    LookupError,
    TypeError,
    ObjectDoesNotExist,
    ValidationError,
    DatabaseError,
)


class Command(BaseCommand):
    help = "Load the bilingual demo content from fixtures/ (safe to run again)."

    def handle(self, *args, **options):
        fixtures = sorted(path for d in settings.FIXTURE_DIRS for path in d.glob("*.json"))
        if not fixtures:
            self.stdout.write("No demo fixtures found.")
            return
        # Outside a request no language is active; the untranslated columns
        # modeltranslation keeps in sync take the default language's text.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            for path in fixtures:
                self.stdout.write(f"Loading {path.name} …")
                try:
                    call_command("loaddata", path, verbosity=0)
                except LOAD_ERRORS as error:
                    raise CommandError(f"{path.name} could not be loaded: {error}") from error
            added = sum(self.attach_images(d / IMAGE_MANIFEST) for d in settings.FIXTURE_DIRS)
        # The demo's photos get their renditions here and now, once their originals are
        # written at commit, rather than waiting for a background worker.
        transaction.on_commit(make_missing_renditions)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {len(fixtures)} demo fixture files, {added} new images.")
        )

    def attach_images(self, manifest):
        """Attach the demo images listed in the manifest; returns how many were new."""
        if not manifest.exists():
            return 0
        self.stdout.write(f"Attaching images from {manifest.name} …")
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            return sum(self.attach_image(manifest.parent, entry) for entry in entries)
        except IMAGE_ERRORS as error:
            raise CommandError(f"{manifest.name} could not be loaded: {error!r}") from error

    def attach_image(self, folder, entry):
        """Create the owner's image at this position unless it already has one."""
        model_label, slug = entry["owner"]
        owner = apps.get_model(model_label).objects.get_by_natural_key(slug)
        existing = Image.objects.filter(
            content_type=ContentType.objects.get_for_model(owner),
            object_id=owner.pk,
            position=entry["position"],
        )
        if existing.exists():
            return 0
        image = Image(
            owner=owner,
            position=entry["position"],
            **{
                key: entry[key]
                for key in ("alt_en", "alt_zh_hans", "caption_en", "caption_zh_hans")
            },
        )
        with (folder / entry["file"]).open("rb") as fh:
            image.file.save(entry["file"], File(fh), save=True)
        return 1
