from django import forms
from django.utils.translation import gettext_lazy as _

from .models import language_choices


class AdminLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Admin language"), choices=language_choices, widget=forms.RadioSelect
    )
