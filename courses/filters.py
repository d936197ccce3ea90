"""The catalogue's filters. Every value lives in the query string, so a filtered list can
be shared, bookmarked and reloaded."""

from datetime import datetime, time

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from courses.models import Audience, Course, CourseFormat, CourseStatus, Provider, Topic


class CourseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
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
        fields = ["q", "topic", "date_from", "date_to", "format", "audience", "provider"]

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            # Every filter is optional; saying "(optional)" nine times is noise.
            field.template_name = "courses/includes/filter_field.html"
        return form

    def filter_text(self, queryset, name, value):
        words = value.strip()
        if not words:
            return queryset
        # Wagtail's search index: Danish stemming on PostgreSQL, full-text on SQLite. The
        # autocomplete query adds matches on the beginning of words in titles ("bestyr").
        backend = get_search_backend()
        published = Course.objects.filter(status=CourseStatus.PUBLISHED)
        ids = {course.pk for course in backend.search(words, published, operator="and")}
        ids |= {course.pk for course in backend.autocomplete(words, published, operator="and")}
        return queryset.filter(pk__in=ids)

    def filter_topic(self, queryset, name, value):
        # A subquery instead of a join: a course with two topics stays one row.
        return queryset.filter(
            pk__in=Course.topics.through.objects.filter(topic=value).values("course_id")
        )

    def filter_date_from(self, queryset, name, value):
        start = timezone.make_aware(datetime.combine(value, time.min))
        return queryset.filter(ends_at__gte=start)

    def filter_date_to(self, queryset, name, value):
        end = timezone.make_aware(datetime.combine(value, time.max))
        return queryset.filter(starts_at__lte=end)

    def filter_free_seats(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(capacity__isnull=True) | Q(capacity__gt=F("seats_taken")),
            waiting_count=0,
        )
