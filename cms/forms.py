from django import forms
from django.utils.translation import gettext_lazy as _

from cms.search import GROUP_KEYS


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, strip=True)
    type = forms.ChoiceField(
        choices=[("", "")] + [(key, key) for key in GROUP_KEYS],
        required=False,
        widget=forms.HiddenInput,
    )
