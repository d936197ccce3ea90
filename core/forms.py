from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Render every form and field with our accessible templates (errors tied to fields)."""

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"
