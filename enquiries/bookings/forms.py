from django import forms
from django.utils.translation import gettext_lazy as _

TAKEN = _("This time is no longer free: someone has just booked it. Please choose another.")


class BookingForm(forms.Form):
    slot = forms.ChoiceField(
        label=_("Choose a time"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": TAKEN, "required": _("Choose a time for the call.")},
    )
    time_zone = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, openings, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.openings = {opening.key: opening for opening in openings}
        self.fields["slot"].choices = [(opening.key, opening.label(zone)) for opening in openings]
        self.fields["time_zone"].initial = zone

    def clean_slot(self):
        return self.openings[self.cleaned_data["slot"]]
