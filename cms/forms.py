from django import forms
from django.utils.translation import gettext_lazy as _

from cms.search import group_keys


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, strip=True)
    type = forms.ChoiceField(
        # Callable: the kinds are registered by the apps when they are ready.
        choices=lambda: [("", "")] + [(key, key) for key in group_keys()],
        required=False,
        widget=forms.HiddenInput,
    )
