"""The directory's filters. Every value lives in the query string, so a filtered list can be
shared, bookmarked and reloaded."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from associations import queries
from associations.models import Activity, Association, Category
from core.admin_viewsets import exists_filter
from core.fragments import SharedRenderedForm
from courses.filters import SiteFilterSet, search_filter


class AreaChoiceFilter(django_filters.ChoiceFilter):
    """The towns of the listed associations, read when the form is built (one query)."""

    def __init__(self, *args, **kwargs):
        kwargs["choices"] = self._towns
        super().__init__(*args, **kwargs)

    @staticmethod
    def _towns():
        towns = (
            Association.objects.filter(is_public=True)
            .order_by("town")
            .values_list("town", flat=True)
            .distinct()
        )
        return [(town, town) for town in towns]


class AssociationFilterForm(SharedRenderedForm, forms.Form):
    shared_fragment_name = "association-filter-form"


class AssociationFilter(SiteFilterSet):
    q = search_filter()
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        method="filter_category",
        empty_label=_("All categories"),
    )
    area = AreaChoiceFilter(label=_("Town or area"), field_name="town", empty_label=_("All areas"))
    volunteers_wanted = django_filters.BooleanFilter(
        label=_("Only associations looking for volunteers"),
        method="filter_volunteers_wanted",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Association
        fields = ["q", "category", "area"]
        form = AssociationFilterForm

    def filter_text(self, queryset, name, value):
        # Every word must match somewhere: the name, texts, town or an activity's title.
        matching = Association.objects.all()
        for word in value.split()[:8]:
            matching = matching.filter(
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
                | Q(town__icontains=word)
                | Q(activities__title__icontains=word)
            )
        return queryset.filter(pk__in=matching.values("pk"))

    def filter_category(self, queryset, name, value):
        # A subquery instead of a join: an association in two categories stays one row.
        return queryset.filter(
            pk__in=Association.categories.through.objects.filter(category=value).values(
                "association_id"
            )
        )

    def filter_volunteers_wanted(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Exists(Activity.objects.filter(association=OuterRef("pk"), looking_for_volunteers=True))
        )


class AssociationAdminFilterSet(WagtailFilterSet):
    """The association list in the Wagtail admin; "Has an admin: No" lists those the volunteer
    consultants must find a new admin for."""

    has_admin = exists_filter(_("Has an admin"), queries.has_admin)
    declaration_lapses = exists_filter(
        _("Child-record declaration lapses at New Year"), queries.declaration_lapses_at_new_year
    )

    class Meta:
        model = Association
        fields = [
            "is_public",
            "verified_by_staff",
            "categories",
            "town",
            "has_admin",
            "declaration_lapses",
        ]
