from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.validators import validate_single_line


class SignupForm(AllauthSignupForm):
    """allauth's signup with the person's name, asked for first."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_single_line],
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth puts its example address in the placeholder; a label is clearer on its own.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "preferred_language"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = settings.LANGUAGES

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or any(c not in "+0123456789 -()" for c in phone)):
            raise forms.ValidationError(
                _("Enter a phone number of at least 8 digits, e.g. 59 53 44 00.")
            )
        return phone


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data are deleted and cannot be restored."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            # An account made by a MitID or municipal login has no password to ask for; the
            # person has just logged in through that provider.
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


class EmailChoicesForm(forms.Form):
    """Which of the emails a person may turn off they want (Mine sider › Emails)."""

    wanted = forms.MultipleChoiceField(
        label=_("Send me these emails"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted"].choices = [(kind.key, kind.label) for kind in kinds]
