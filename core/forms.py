from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.functional import lazy
from django.utils.translation import gettext

# What an <input type="datetime-local"> sends, and what a browser without one lets people type.
DATETIME_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
DATETIME_LOCAL_INPUT_FORMATS = (DATETIME_LOCAL_FORMAT, "%Y-%m-%d %H:%M")


class SiteFormRenderer(TemplatesSetting):
    """Render every form and field with our accessible templates (errors tied to fields)."""

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"


def short_text(label, *, max_length=1000, rows=3, required=False, **kwargs) -> forms.CharField:
    """A few lines of free text: a reason, a note or a message to someone (optional unless the
    form says otherwise)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def at_most(limit: int) -> dict:
    """`error_messages` for a field's max_length in our own wording: Django's Danish catalogue
    lacks its max_length message."""
    message = lazy(lambda: gettext("Write at most %(limit)d characters.") % {"limit": limit}, str)
    return {"max_length": message()}


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's date and time picker, given its value in the format it reads."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_LOCAL_FORMAT)


def accept_datetime_local(form, *names: str) -> None:
    """Let the form's date-time fields `names` read what `DateTimeLocalInput` sends."""
    for name in names:
        form.fields[name].input_formats = list(DATETIME_LOCAL_INPUT_FORMATS)
