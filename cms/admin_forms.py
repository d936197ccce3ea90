from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class StoryPageForm(WagtailAdminPageForm):
    """Refuses to publish a story whose consent is withdrawn (saving a draft is fine)."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if publishing and cleaned_data.get("consent_withdrawn_on"):
            self.add_error(
                "consent_withdrawn_on",
                _("The consent is withdrawn: the story cannot be published or submitted."),
            )
        return cleaned_data
