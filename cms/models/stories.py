"""Stories about volunteers and associations, published only with the person's consent."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.admin_forms import StoryPageForm
from cms.blocks import BodyBlock
from cms.filters import StoryFilter
from cms.models.base import content_language
from core.models import SingleLineField, optional_image
from core.validators import SingleLineTitleMixin


class StoryIndexPage(SingleLineTitleMixin, Page):
    """/historier/: stories about volunteers, newest first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")
        verbose_name_plural = _("story indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.live()
            .child_of(self)
            .select_related("image")
            .order_by("-first_published_at")
        )
        story_filter = StoryFilter(request.GET or None, queryset=stories)
        invalid = story_filter.is_bound and not story_filter.is_valid()
        # An invalid tag filters nothing: every story, answered with status 400 (see serve).
        tag = "" if invalid or not story_filter.is_bound else story_filter.form.cleaned_data["tag"]
        context.update(stories=list(story_filter.qs), tag=tag, invalid_filter=invalid)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data["invalid_filter"]:
            response.status_code = 400
        return response


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ConsentScope(models.TextChoices):
    NAME = "name", _("Name")
    PHOTO = "photo", _("Photo")
    NAME_AND_PHOTO = "name_and_photo", _("Name and photo")


class StoryPage(SingleLineTitleMixin, Page):
    """A story about a volunteer or an association.

    The person's consent to show their name and photo is recorded on the page: who consented,
    when, to what, and where the signed consent is kept. Withdrawing it unpublishes the story in
    every language (cms.services.withdraw_story_consent), and a withdrawn story can never be
    published again (cms.signal_handlers).
    """

    association = SingleLineField(_("association"), max_length=150)
    person_name = SingleLineField(
        _("name shown"),
        max_length=150,
        blank=True,
        help_text=_("The volunteer's name as shown in the story. Leave empty to leave it out."),
    )
    lead = models.TextField(_("lead"), max_length=600)
    quote = models.TextField(_("quote"), max_length=400, blank=True)
    image = optional_image(_("photo"))
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    tags = ClusterTaggableManager(through=StoryPageTag, verbose_name=_("tags"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("story"))

    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=150,
        help_text=_("The person who agreed (or their parent, for a child)."),
    )
    consent_given_on = models.DateField(_("consent given on"))
    consent_scope = models.CharField(
        _("consent covers"),
        max_length=16,
        choices=ConsentScope.choices,
        default=ConsentScope.NAME_AND_PHOTO,
    )
    consent_reference = models.CharField(
        _("where the consent is kept"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the case number of the signed consent form."),
    )
    consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_("Saving a date here unpublishes the story in every language at once."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("association"),
                FieldPanel("person_name"),
                FieldPanel("lead"),
                FieldPanel("quote"),
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("tags"),
            ],
            heading=_("About the story"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("consent_given_by"),
                FieldPanel("consent_given_on"),
                FieldPanel("consent_scope"),
                FieldPanel("consent_reference"),
                FieldPanel("consent_withdrawn_on"),
            ],
            heading=_("Consent to name and photo"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("association"),
        index.SearchField("person_name"),
        index.SearchField("quote"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []
    base_form_class = StoryPageForm

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def consent_withdrawn(self) -> bool:
        return self.consent_withdrawn_on is not None

    def clean(self):
        super().clean()
        errors = {}
        shows_name = self.consent_scope in (ConsentScope.NAME, ConsentScope.NAME_AND_PHOTO)
        shows_photo = self.consent_scope in (ConsentScope.PHOTO, ConsentScope.NAME_AND_PHOTO)
        if self.person_name and not shows_name:
            errors["person_name"] = _("The consent does not cover showing the name.")
        if self.image_id and not shows_photo:
            errors["image"] = _("The consent does not cover showing a photo.")
        if self.image_id and not self.image_alt:
            errors["image_alt"] = _("Describe the photo for people who cannot see it.")
        if (
            self.consent_withdrawn_on
            and self.consent_given_on
            and self.consent_withdrawn_on < self.consent_given_on
        ):
            errors["consent_withdrawn_on"] = _("A consent cannot be withdrawn before it was given.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # Once withdrawn, a consent stays withdrawn whichever revision is restored or published.
        page = super().with_content_json(content)
        if self.consent_withdrawn_on and not page.consent_withdrawn_on:
            page.consent_withdrawn_on = self.consent_withdrawn_on
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_language"] = content_language(self)
        return context

    def serve(self, request, *args, **kwargs):
        if self.consent_withdrawn:
            raise Http404
        return super().serve(request, *args, **kwargs)
