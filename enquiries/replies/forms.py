from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Reply


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["body"]
        labels = {"body": _("Your reply to the investor")}
        help_texts = {
            "body": _(
                "Emailed to the investor with a greeting in their language and a link to "
                "the conversation. A reply cannot be changed once sent."
            )
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10, "cols": 80})}


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        choices=[(value, str(value)) for value in range(1, 6)], coerce=int
    )
