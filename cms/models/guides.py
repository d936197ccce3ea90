"""Guidance (vejledninger): an index with topic pages, and the guides themselves."""

from django import forms
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.guide_blocks import GuideBodyBlock
from cms.models.base import content_language
from cms.queries import related_courses_for_blocks, upcoming_courses
from cms.toc import prepare_body, reading_minutes
from core.models import SingleLineField
from core.validators import SingleLineTitleMixin
from taxonomy.models import Topic

# How many upcoming courses a topic page shows.
TOPIC_COURSES_SHOWN = 6
# A guide is due for review when its last review is older than this.
REVIEW_INTERVAL_DAYS = 365


class GuideIndexPage(SingleLineTitleMixin, RoutablePageMixin, Page):
    """/vejledninger/: every guide, filterable by topic, and one sub-page per topic."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def live_guides(self):
        return GuidePage.objects.live().child_of(self).prefetch_related("topics").order_by("title")

    def topic_url(self, topic, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("topic", args=[topic.slug])

    @path("", name="index")
    def index_route(self, request):
        from cms.filters import GuideFilter

        guides = self.live_guides()
        all_guides = list(guides)
        topics = {}
        for guide in all_guides:
            for topic in guide.topics.all():
                entry = topics.setdefault(topic.pk, {"topic": topic, "count": 0})
                entry["count"] += 1
        topic_list = sorted(topics.values(), key=lambda e: e["topic"].display_name.lower())
        for entry in topic_list:
            entry["url"] = self.topic_url(entry["topic"], request)

        guide_filter = GuideFilter(
            request.GET or None,
            queryset=guides,
            topics=Topic.objects.filter(pk__in=topics.keys()),
        )
        if guide_filter.is_bound and not guide_filter.is_valid():
            response = self.render(
                request,
                context_overrides={
                    "filter": guide_filter,
                    "guides": all_guides,
                    "topics": topic_list,
                },
            )
            response.status_code = 400
            return response
        shown = list(guide_filter.qs) if guide_filter.is_bound else all_guides
        return self.render(
            request,
            context_overrides={"filter": guide_filter, "guides": shown, "topics": topic_list},
        )

    @path("emne/<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        guides = list(self.live_guides().filter(topics=topic))
        courses = list(upcoming_courses([topic.pk])[:TOPIC_COURSES_SHOWN])
        if not guides and not courses and not topic.guides.exists():
            # Topics with nothing to show here are not part of the guidance section.
            raise Http404
        return self.render(
            request,
            template="cms/guide_topic_page.html",
            context_overrides={
                "topic": topic,
                "guides": guides,
                "courses": courses,
                "index_url": self.get_url(request),
            },
        )


class GuidePage(SingleLineTitleMixin, Page):
    """A guide: how to do something in an association, with checklists and templates."""

    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        related_name="guides",
        help_text=_("The guide appears on these topics' pages and suggests their courses."),
    )
    audience = SingleLineField(
        _("who it is for"),
        max_length=200,
        help_text=_('Completes the sentence "This guide is for …", e.g. "new board members".'),
    )
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("Two or three sentences: what the guide gives you.")
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When a subject expert last checked that the guide is correct."),
    )
    body = StreamField(GuideBodyBlock(), verbose_name=_("content"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("lead"),
                FieldPanel("audience"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("last_reviewed"),
            ],
            heading=_("About the guide"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("last_reviewed"),
    ]

    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    @cached_property
    def reading_minutes(self) -> int:
        return reading_minutes(self.lead, raw_stream=list(self.body.raw_data))

    @property
    def review_due(self) -> bool:
        return (timezone.localdate() - self.last_reviewed).days > REVIEW_INTERVAL_DAYS

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare():
            topics = list(self.topics.all())
            items, toc = prepare_body(self.body)
            related_blocks = [
                item.block for item in items if item.block.block_type == "related_courses"
            ]
            if related_blocks:
                courses = related_courses_for_blocks(related_blocks, [t.pk for t in topics])
                for item in items:
                    if item.block.block_type == "related_courses":
                        item.courses = courses[item.block.id]
            index_page = self.get_parent().specific_deferred
            return {
                "body_items": items,
                "toc": toc,
                "topics": [
                    {"topic": topic, "url": index_page.topic_url(topic, request)}
                    for topic in topics
                ],
            }

        # Prepared only when the template renders the article: it is a shared fragment
        # ({% sharedcache "guide-article" %}), so a warm guide asks none of these queries.
        prepared = SimpleLazyObject(prepare)
        context.update(
            body_items=SimpleLazyObject(lambda: prepared["body_items"]),
            toc=SimpleLazyObject(lambda: prepared["toc"]),
            topics=SimpleLazyObject(lambda: prepared["topics"]),
            content_language=content_language(self),
        )
        return context
