from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import codes


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("The code under the QR code, e.g. ABCD-EFGH-JKMN-PQRS-T."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        stored = codes.normalise(self.cleaned_data["code"])
        if stored is None:
            raise forms.ValidationError(
                _(
                    "That is not a valid certificate code. "
                    "Check that you have typed all 17 characters."
                )
            )
        return stored


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept with the certificate. The public verification page only says it is revoked."
        ),
    )
