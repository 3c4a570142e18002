"""Load the bilingual demo content: fixtures/*.json, then the demo images.

Safe to run on a database in use: missing records are created, records that
staff have edited since are left alone and listed; `--reset` restores them.
"""

import json
import tempfile
from pathlib import Path

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
from modeltranslation.utils import build_localized_fieldname

from images.models import Image
from images.tasks import make_missing_renditions
from projects.demo_records import compare

IMAGE_MANIFEST = "media/images.json"


def image_text_columns():
    """The image's translated columns (alt_en, caption_zh_hans, …), for every language."""
    return [
        build_localized_fieldname(name, code)
        for name in ("alt", "caption")
        for code, _name in settings.LANGUAGES
    ]


LOAD_ERRORS = (DeserializationError, DatabaseError, ValueError, LookupError, CommandError)
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
    help = (
        "Load the bilingual demo content from fixtures/: create what is missing and leave "
        "records edited since alone (safe to run again). --reset restores edited records."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore demo records that were edited to what the fixtures say.",
        )

    def handle(self, *args, reset=False, **options):
        fixtures = sorted(path for d in settings.FIXTURE_DIRS for path in d.glob("*.json"))
        if not fixtures:
            self.stdout.write("No demo fixtures found.")
            return
        self.reset = reset
        self.created = 0
        self.edited = []
        # Outside a request no language is active; the untranslated columns
        # modeltranslation keeps in sync take the default language's text.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            for path in fixtures:
                self.load_file(path)
            for folder in settings.FIXTURE_DIRS:
                self.attach_images(folder / IMAGE_MANIFEST)
            # The demo's photos get their renditions here and now, once their originals
            # are written at commit, rather than waiting for a background worker.
            transaction.on_commit(make_missing_renditions)
        self.report()

    def load_file(self, path):
        """Load the file's records that are missing (and, with --reset, those edited)."""
        self.stdout.write(f"Loading {path.name} …")
        try:
            comparisons = compare(json.loads(path.read_text(encoding="utf-8")))
            wanted = [c for c in comparisons if c.missing or (self.reset and c.edited)]
            if wanted:
                self.loaddata([c.record for c in wanted])
        except LOAD_ERRORS as error:
            raise CommandError(f"{path.name} could not be loaded: {error}") from error
        self.created += sum(c.missing for c in comparisons)
        self.edited += [(c.label, c.changed_fields) for c in comparisons if c.edited]

    @staticmethod
    def loaddata(records):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "demo.json"
            path.write_text(json.dumps(records), encoding="utf-8")
            call_command("loaddata", path, verbosity=0)

    def report(self):
        for label, fields in self.edited:
            if self.reset:
                self.stdout.write(f"Restored {label}: {', '.join(fields)}.")
            else:
                self.stdout.write(f"Left {label} alone: edited since ({', '.join(fields)}).")
        if self.edited and not self.reset:
            self.stdout.write(
                f"{len(self.edited)} edited demo records kept; "
                "`manage.py load_demo --reset` restores them."
            )
        restored = len(self.edited) if self.reset else 0
        self.stdout.write(
            self.style.SUCCESS(f"Demo loaded: {self.created} records created, {restored} restored.")
        )

    def attach_images(self, manifest):
        """Attach the demo images listed in the manifest that are missing."""
        if not manifest.exists():
            return
        self.stdout.write(f"Attaching images from {manifest.name} …")
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            for entry in entries:
                self.attach_image(manifest.parent, entry)
        except IMAGE_ERRORS as error:
            raise CommandError(f"{manifest.name} could not be loaded: {error!r}") from error

    def attach_image(self, folder, entry):
        """Create the owner's image at this position, or compare its texts with the entry."""
        model_label, slug = entry["owner"]
        owner = apps.get_model(model_label).objects.get_by_natural_key(slug)
        existing = Image.objects.filter(
            content_type=ContentType.objects.get_for_model(owner),
            object_id=owner.pk,
            position=entry["position"],
        ).first()
        # A language the manifest does not have (yet) stays empty: it is shown in another.
        texts = {key: entry.get(key, "") for key in image_text_columns()}
        if existing is None:
            image = Image(owner=owner, position=entry["position"], **texts)
            with (folder / entry["file"]).open("rb") as fh:
                image.file.save(entry["file"], File(fh), save=True)
            self.created += 1
            return
        changed = [key for key, value in texts.items() if getattr(existing, key) != value]
        if changed:
            self.edited.append((f"image {entry['position']} of {model_label} “{slug}”", changed))
            if self.reset:
                for key, value in texts.items():
                    setattr(existing, key, value)
                existing.save(update_fields=list(texts))
