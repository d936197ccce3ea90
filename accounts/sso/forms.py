from allauth.socialaccount.forms import SignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import validate_single_line


class SocialSignupForm(SignupForm):
    """A new account from a provider login that did not bring a verified email address (or a
    name): we ask for them, and the address is confirmed by email as at any signup."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_single_line],
    )

    field_order = ["full_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].initial = getattr(self.sociallogin.user, "full_name", "")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)
