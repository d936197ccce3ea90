from django import forms
from django.forms.renderers import TemplatesSetting


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
