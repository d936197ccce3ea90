import json

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates import codes
from core.forms import short_text

# What was wrong with a typed code, so people know what to look for (codes.typing_problem).
TYPING_PROBLEMS = {
    "length": _(
        "That is not a valid certificate code. A code has 17 characters (the dashes do not "
        "count): check that you have typed them all."
    ),
    "symbol": _(
        "That is not a valid certificate code: it contains a character that codes never use. "
        "Codes use only digits and the letters A–Z without U."
    ),
    "check": _(
        "That is not a valid certificate code: all 17 characters are there, but one of them "
        "is probably mistyped. Compare the code with the certificate character by character."
    ),
}


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
        typed = self.cleaned_data["code"]
        stored = codes.normalise(typed)
        if stored is None:
            raise forms.ValidationError(TYPING_PROBLEMS[codes.typing_problem(typed) or "check"])
        return stored


class RevokeForm(forms.Form):
    reason = short_text(
        _("Reason"),
        required=True,
        help_text=_(
            "Kept with the certificate. The public verification page only says it is revoked."
        ),
    )


# A credential is a few kilobytes; anything much larger is not one of ours.
MAX_CREDENTIAL_BYTES = 200_000


class CredentialForm(forms.Form):
    """An Open Badge to check: uploaded as a .json file or pasted as text."""

    file = forms.FileField(
        label=_("Credential file"),
        required=False,
        help_text=_("The .json file you downloaded or were sent."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,application/json,application/ld+json"}
        ),
    )
    text = forms.CharField(
        label=_("Or paste the credential"),
        required=False,
        max_length=MAX_CREDENTIAL_BYTES,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "autocomplete": "off"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text")
        if self.errors:
            return cleaned
        if upload and text:
            raise forms.ValidationError(_("Upload a file or paste the text, not both."))
        if upload:
            if upload.size > MAX_CREDENTIAL_BYTES:
                raise forms.ValidationError(_("The file is too large to be a credential."))
            data = upload.read(MAX_CREDENTIAL_BYTES + 1)
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The file is not a JSON text file.")) from None
        if not text:
            raise forms.ValidationError(_("Choose a credential file or paste its text."))
        try:
            cleaned["credential"] = json.loads(text)
        except (ValueError, RecursionError):
            raise forms.ValidationError(
                _("This is not a credential: the text is not valid JSON.")
            ) from None
        return cleaned
