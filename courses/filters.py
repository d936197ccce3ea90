"""The catalogue's filters. Every value lives in the query string, so a filtered list can
be shared, bookmarked and reloaded."""

from datetime import UTC, datetime, time

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from core.fragments import SharedRenderedForm
from core.search import query_words
from courses.models import Course, CourseFormat, CourseStatus, Provider
from taxonomy.models import Audience, Topic


def _utc(day, at) -> datetime | None:
    """That local time of the day in UTC; None on a day so far out (year 1, year 9999) that
    UTC has no such time: such a bound leaves nothing out."""
    try:
        return timezone.make_aware(datetime.combine(day, at)).astimezone(UTC)
    except OverflowError:
        return None


class CourseFilterForm(SharedRenderedForm, forms.Form):
    """The filter form, rendered once per content generation, language and query for everyone
    (core.fragments): its topic and provider options and the chosen values are the same for
    every person, and rendering the select options was a quarter of the catalogue's cost."""

    shared_fragment_name = "course-filter-form"


def search_filter(**kwargs) -> django_filters.CharFilter:
    """The search box of a filtered list; the FilterSet answers it in `filter_text`."""
    return django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        **kwargs,
    )


class SiteFilterSet(django_filters.FilterSet):
    """A public list's FilterSet, its fields drawn with the site's filter field template."""

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            # Every filter is optional; saying "(optional)" nine times is noise.
            field.template_name = "courses/includes/filter_field.html"
        return form


class CourseFilter(SiteFilterSet):
    q = search_filter(max_length=200)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_topic",
        empty_label=_("All topics"),
    )
    date_from = django_filters.DateFilter(
        label=_("From"),
        method="filter_date_from",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        label=_("To"),
        method="filter_date_to",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=CourseFormat.choices, empty_label=_("All formats")
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), choices=Audience.choices, empty_label=_("Everyone")
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=Provider.objects.all(), empty_label=_("All providers")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )
    free_seats = django_filters.BooleanFilter(
        label=_("Only courses with free seats"),
        method="filter_free_seats",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Course
        form = CourseFilterForm
        fields = ["q", "topic", "date_from", "date_to", "format", "audience", "provider"]

    def active_count(self) -> int:
        """How many filters the address sets (the "Filter (2 active)" button on a phone)."""
        if not self.is_bound:
            return 0
        return sum(1 for name in self.filters if self.data.get(name, "").strip())

    def filter_text(self, queryset, name, value):
        # Words only, without stop words: search syntax would reach the backend's query parser.
        words = query_words(value)
        if words == "":
            return queryset
        if words is None:  # only stop words ("og"): nothing matches, as on the site search
            return queryset.none()
        # Wagtail's search index through core.search_backend, as the site search: every word
        # by its Danish stem and beginning ("bestyrelse" finds "bestyrelsen", "kasserer"
        # finds "Kassererkursus") on PostgreSQL and SQLite alike.
        published = Course.objects.filter(status=CourseStatus.PUBLISHED)
        found = get_search_backend().search(words, published, operator="and")
        return queryset.filter(pk__in=[course.pk for course in found])

    def filter_topic(self, queryset, name, value):
        # A subquery instead of a join: a course with two topics stays one row.
        return queryset.filter(
            pk__in=Course.topics.through.objects.filter(topic=value).values("course_id")
        )

    def filter_date_from(self, queryset, name, value):
        start = _utc(value, time.min)
        return queryset if start is None else queryset.filter(ends_at__gte=start)

    def filter_date_to(self, queryset, name, value):
        end = _utc(value, time.max)
        return queryset if end is None else queryset.filter(starts_at__lte=end)

    def filter_free_seats(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(capacity__isnull=True) | Q(capacity__gt=F("seats_taken")),
            waiting_count=0,
        )
