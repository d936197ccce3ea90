"""Wagtail admin reports: guides whose last review is more than a year old, and stories whose
signed consent is not filed yet."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView

from cms.models import GuidePage, StoryPage
from cms.models.guides import REVIEW_INTERVAL_DAYS
from taxonomy.models import Topic


class EditablePagesReport(PageReportView):
    """A report of the pages `pages()` gives that the user may edit, exported as `file_stem`
    and today's date."""

    any_permission_required = ["add", "change", "publish"]
    file_stem = ""

    def pages(self):
        raise NotImplementedError

    def get_filename(self):
        return f"{self.file_stem}-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            self.pages()
            .filter(pk__in=editable.values("pk"))
            .select_related("locale")
            .prefetch_workflow_states()
        )
        return super().get_queryset()


class GuidesDueForReviewFilterSet(WagtailFilterSet):
    topics = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), empty_label=_("All topics")
    )

    class Meta:
        model = GuidePage
        fields = ["topics", "live"]


def review_cutoff() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


def guides_due_for_review():
    """Guides (published or not) last reviewed more than 12 months ago, oldest review first.

    Aliases are left out: they show another guide's text and are reviewed with it.
    """
    return GuidePage.objects.filter(
        last_reviewed__lt=review_cutoff(), alias_of__isnull=True
    ).order_by("last_reviewed", "title")


class GuidesDueForReviewView(EditablePagesReport):
    page_title = _("Guides due for review")
    header_icon = "time"
    results_template_name = "cms/admin/guides_due_for_review_results.html"
    index_url_name = "cms_guides_due_for_review"
    index_results_url_name = "cms_guides_due_for_review_results"
    file_stem = "vejledninger-til-gennemsyn"
    filterset_class = GuidesDueForReviewFilterSet
    list_export = ["title", "last_reviewed", "status_string", "url"]
    export_headings = {
        "title": _("Title"),
        "last_reviewed": _("Last reviewed"),
        "status_string": _("Status"),
        "url": _("Address"),
    }

    def pages(self):
        return guides_due_for_review()


def stories_awaiting_consent():
    """Stories (published or not) with no note of where the signed consent is kept, newest
    first."""
    return StoryPage.objects.filter(consent_reference="").order_by("-first_published_at", "title")


class StoriesAwaitingConsentView(EditablePagesReport):
    page_title = _("Stories awaiting a filed consent")
    header_icon = "doc-full"
    results_template_name = "cms/admin/stories_awaiting_consent_results.html"
    index_url_name = "cms_stories_awaiting_consent"
    index_results_url_name = "cms_stories_awaiting_consent_results"
    file_stem = "historier-uden-arkiveret-samtykke"
    list_export = ["title", "consent_given_by", "consent_given_on", "status_string", "url"]
    export_headings = {
        "title": _("Title"),
        "consent_given_by": _("Consent given by"),
        "consent_given_on": _("Consent given on"),
        "status_string": _("Status"),
        "url": _("Address"),
    }

    def pages(self):
        return stories_awaiting_consent()
