from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.queries import upcoming_courses
from core.models import SingleLineField, optional_image
from core.validators import SingleLineTitleMixin

# How many upcoming courses and guides the home page shows.
HOME_COURSES_SHOWN = 4
HOME_GUIDES_SHOWN = 3
HOME_STORIES_SHOWN = 3


def content_language(page) -> str:
    """The language a page's text is written in: an alias shows its original's text."""
    if page.alias_of_id is None:
        return get_language()
    return (
        Page.objects.filter(pk=page.alias_of_id)
        .values_list("locale__language_code", flat=True)
        .first()
        or get_language()
    )


class HomePage(SingleLineTitleMixin, Page):
    """The front page: a hero, a short introduction and free sections below."""

    hero_text = models.TextField(
        _("hero text"),
        max_length=400,
        help_text=_("One or two sentences under the page title."),
    )
    hero_image = optional_image(_("hero image"))
    hero_link_text = SingleLineField(_("button text"), max_length=60, blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button links to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("sections"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link_text"),
                FieldPanel("hero_link_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from cms.models.guides import GuideIndexPage, GuidePage
        from cms.models.stories import StoryIndexPage, StoryPage

        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: the sections are a shared fragment
        # ({% sharedcache "home-sections" %}), so a warm cache asks none of these queries.
        guide_index = SimpleLazyObject(lambda: GuideIndexPage.objects.live().child_of(self).first())
        story_index = SimpleLazyObject(lambda: StoryIndexPage.objects.live().child_of(self).first())
        context.update(
            upcoming_courses=SimpleLazyObject(
                lambda: list(upcoming_courses()[:HOME_COURSES_SHOWN])
            ),
            guide_index=guide_index,
            guides=SimpleLazyObject(
                lambda: (
                    list(
                        GuidePage.objects.live()
                        .child_of(guide_index)
                        .prefetch_related("topics")
                        .order_by("-first_published_at")[:HOME_GUIDES_SHOWN]
                    )
                    if guide_index
                    else []
                )
            ),
            story_index=story_index,
            stories=SimpleLazyObject(
                lambda: (
                    list(
                        StoryPage.objects.live()
                        .child_of(story_index)
                        .select_related("image")
                        .order_by("-first_published_at")[:HOME_STORIES_SHOWN]
                    )
                    if story_index
                    else []
                )
            ),
        )
        return context


class StandardPage(SingleLineTitleMixin, Page):
    """A plain content page: about us, privacy policy, accessibility statement."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="mail")
class SiteContactSettings(BaseSiteSetting):
    """Who runs the site and how to reach them: shown in every page's footer."""

    organisation = SingleLineField(_("organisation"), max_length=120)
    department = SingleLineField(_("department"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.CharField(_("telephone hours"), max_length=120, blank=True)
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("department"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("contact details")
