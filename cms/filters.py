import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Topic


class GuideFilter(django_filters.FilterSet):
    """/vejledninger/?emne=<slug>: the guides of one topic."""

    emne = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("All topics"),
    )

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topics is not None:
            self.filters["emne"].queryset = topics


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class StoryFilter(django_filters.FilterSet):
    """/historier/?tag=<slug>: the stories with one tag. A value that cannot be a tag's slug
    (a NUL byte, a quote, 100 kB) is refused by the form before it reaches the database."""

    tag = SlugFilter(field_name="tags__slug", allow_unicode=True, max_length=100)
