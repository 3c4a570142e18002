from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Images")

    def ready(self):
        from PIL import Image as PILImage

        from .files import remove_deleted_image_files

        # Pillow's own bomb guard matches ours: it warns above the limit (files
        # we refuse anyway) and refuses to open twice the limit at all.
        PILImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
        post_delete.connect(remove_deleted_image_files, sender=self.get_model("Image"))
