"""Admin forms for photos: checked uploads and the alt-text publishing rule."""

import posixpath

from django import forms
from django.conf import settings
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Image
from .publishing import missing_alt_languages, requires_alt
from .validation import open_checked

EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}


class ImageUploadField(forms.ImageField):
    """An upload accepted only if Pillow decodes it as JPEG, PNG or WebP within the limits."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            photo = open_checked(upload)
            upload.seek(0)
            # Named for what it is, so the extension check (with its list of every
            # format Pillow knows) never refuses a photo the content check accepted.
            stem = posixpath.splitext(upload.name)[0]
            upload.name = f"{stem}.{EXTENSIONS[photo.format]}"
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs


def require_alt(form, owner):
    """Add an error to `form` for each language its photo is not described in."""
    if not requires_alt(owner):
        return
    for language, column in missing_alt_languages(form.instance):
        error = _("Describe the photo in %(language)s before the record is published.") % {
            "language": language
        }
        form.add_error(column if column in form.fields else None, error)


def upload_help():
    return gettext(
        "JPEG, PNG or WebP, at most %(bytes)s and %(megapixels)s megapixels. "
        "It is turned upright and stripped of camera data (such as GPS) on upload."
    ) % {
        "bytes": filesizeformat(settings.IMAGE_MAX_BYTES),
        "megapixels": settings.IMAGE_MAX_PIXELS // 1_000_000,
    }


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ("file", "alt", "caption", "credit", "position")
        field_classes = {"file": ImageUploadField}
        help_texts = {"file": lazy(upload_help, str)()}


class ImageFormSet(BaseGenericInlineFormSet):
    """Photos edited on their record's page, checked against the record as posted."""

    def clean(self):
        super().clean()
        for form in self.forms:
            if self._should_delete_form(form) or not (form.instance.pk or form.has_changed()):
                continue
            require_alt(form, self.instance)


class ImageChangeForm(ImageForm):
    """One photo edited on its own page, checked against its record as stored."""

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the submitted values
        require_alt(self, self.instance.owner)
