import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fragments import SharedRenderedForm
from schools.models import InternshipOffer

GRADE_CHOICES = [
    (str(grade), _("Grade %(grade)s") % {"grade": grade}) for grade in range(0, 11)
] + [
    ("13", _("Upper secondary")),
]
HOURS_CHOICES = [
    ("10", _("Up to 10 hours")),
    ("20", _("Up to 20 hours")),
    ("40", _("Up to 40 hours")),
]
CHILDREN_CHOICES = [
    ("yes", _("Pupils under 15 can take part")),
    ("no", _("Only pupils aged 15 or more")),
]


class OfferFilterForm(SharedRenderedForm, forms.Form):
    shared_fragment_name = "offer-filter-form"


class OfferFilter(django_filters.FilterSet):
    """Filters on /skoler/praktik/: area, grade, age, hours, and whether under-15s can join."""

    area = django_filters.ChoiceFilter(
        label=_("Area"), field_name="association__town", empty_label=_("All areas")
    )
    grade = django_filters.ChoiceFilter(
        label=_("Grade"),
        choices=GRADE_CHOICES,
        method="filter_grade",
        empty_label=_("All grades"),
    )
    age = django_filters.NumberFilter(
        label=_("Pupil's age"), method="filter_age", min_value=6, max_value=25
    )
    hours = django_filters.ChoiceFilter(
        label=_("Hours"),
        choices=HOURS_CHOICES,
        method="filter_hours",
        empty_label=_("Any number of hours"),
    )
    children = django_filters.ChoiceFilter(
        label=_("Age group"),
        choices=CHILDREN_CHOICES,
        method="filter_children",
        empty_label=_("All pupils"),
    )

    class Meta:
        model = InternshipOffer
        fields = ["area", "grade", "age", "hours", "children"]
        form = OfferFilterForm

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["area"].extra["choices"] = [(area, area) for area in areas]
        for name, field in self.form.fields.items():
            if name == "age":
                field.widget.attrs.update({"class": "filter__input", "inputmode": "numeric"})
            else:
                field.widget = forms.Select(
                    choices=field.choices, attrs={"class": "filter__select"}
                )

    def filter_grade(self, queryset, name, value):
        value = int(value)
        return queryset.filter(
            Q(grade_from__isnull=True) | Q(grade_from__lte=value),
            Q(grade_to__isnull=True) | Q(grade_to__gte=value),
        )

    def filter_hours(self, queryset, name, value):
        return queryset.filter(hours_total__lte=int(value))

    def filter_age(self, queryset, name, value):
        return queryset.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=value))

    def filter_children(self, queryset, name, value):
        return queryset.filter(involves_children_under_15=(value == "yes"))
