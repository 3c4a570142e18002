"""Who a policy is for and what it gives: the structured criteria the incentive finder reads."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanyType(models.TextChoices):
    FOREIGN_INVESTED = "fie", _("Foreign-invested enterprise")
    REGIONAL_HQ = "regional_hq", _("Regional headquarters")
    RND_CENTRE = "rnd_centre", _("R&D centre")
    START_UP = "start_up", _("Start-up")
    SME = "sme", _("Small or medium-sized enterprise")
    LISTED = "listed", _("Listed company")
    VENTURE_FUND = "venture_fund", _("Venture capital fund")


class TalentCategory(models.TextChoices):
    TOP = "top", _("Top talent")
    LEADING = "leading", _("Leading talent")
    HIGH_LEVEL = "high_level", _("High-level talent")
    YOUNG = "young", _("Young talent and graduates")
    SKILLED = "skilled", _("Highly skilled workers")


class ChoiceList(models.JSONField):
    """A list of codes from fixed choices, ticked in forms; empty means "any"."""

    def __init__(self, *args, options=None, **kwargs):
        self.options = options
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            choices=self.options.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = set(self.options.values) if self.options else None
        if known is not None and not (isinstance(value, list) and set(value) <= known):
            raise ValidationError(_("Choose from the list."), code="invalid_choice")

    def labels(self, value):
        """The chosen codes' labels in the active language, in the choices' order."""
        return [label for code, label in self.options.choices if code in value]
