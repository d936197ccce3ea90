"""Forms for internship offers, placements and theme weeks. They validate input; the services
decide."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import short_text
from core.validators import validate_single_line
from schools.models import (
    ContributionKind,
    InternshipOffer,
    PlacementEvaluation,
    Rating,
    ThemeWeek,
)
from schools.services.offers import OFFER_FIELDS
from schools.services.placements import MAX_PUPILS_PER_REQUEST
from schools.services.theme_weeks import THEME_WEEK_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OfferForm(forms.ModelForm):
    class Meta:
        model = InternshipOffer
        fields = list(OFFER_FIELDS)
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 5}),
            "conditions": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
        }

    def clean(self):
        data = super().clean()
        for low, high, message in (
            ("grade_from", "grade_to", _("“To grade” cannot be below “from grade”.")),
            ("starts_on", "ends_on", _("The last day cannot be before the first day.")),
        ):
            if data.get(low) is not None and data.get(high) is not None and data[high] < data[low]:
                self.add_error(high, message)
        for name in ("grade_from", "grade_to"):
            if data.get(name) is not None and data[name] > 13:
                self.add_error(name, _("Use 0–10 for school grades, up to 13 for upper secondary."))
        return data


class PupilForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=60, required=False, validators=[validate_single_line]
    )
    class_name = forms.CharField(
        label=_("Class"), max_length=20, required=False, validators=[validate_single_line]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A row is either empty or has both: saying "(optional)" on each was wrong, since a
        # name without a class is refused (templates/includes/forms/field.html).
        for field in self.fields.values():
            field.optional_in_pairs = True

    def clean(self):
        data = super().clean()
        if data.get("first_name") and not data.get("class_name"):
            self.add_error("class_name", _("Give the pupil's class."))
        if data.get("class_name") and not data.get("first_name"):
            self.add_error("first_name", _("Give the pupil's first name."))
        return data


PupilFormSet = forms.formset_factory(
    PupilForm, extra=4, max_num=MAX_PUPILS_PER_REQUEST, validate_max=True
)


class PlacementRequestForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=None, empty_label=None)
    message = short_text(
        _("Message to the association"),
        max_length=2000,
        rows=4,
        help_text=_("Optional: when the pupils can come, anything the association should know."),
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools


class NoteForm(forms.Form):
    note = short_text(_("Note to the school"), max_length=2000)


class CancelForm(forms.Form):
    reason = short_text(_("Reason (sent to the other side)"), max_length=2000)


class AgreeForm(forms.Form):
    starts_on = forms.DateField(label=_("First day"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data


class HoursForm(forms.Form):
    hours = forms.IntegerField(
        label=_("Hours each pupil did"),
        min_value=1,
        max_value=1000,
        help_text=_("The hours are written on the pupils' internship certificates."),
    )


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = PlacementEvaluation
        fields = ["rating", "went_well", "could_improve", "would_repeat"]
        widgets = {
            "rating": forms.RadioSelect,
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "could_improve": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = Rating.choices


class ThemeWeekForm(forms.ModelForm):
    class Meta:
        model = ThemeWeek
        fields = ["school", *THEME_WEEK_FIELDS]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
        }

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        if not any(data.get(name) for name in ("wants_talk", "wants_workshop", "wants_visit")):
            self.add_error(
                "wants_talk", _("Choose at least one thing you would like from associations.")
            )
        return data


class ContributionForm(forms.Form):
    association = forms.ModelChoiceField(label=_("Association"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=ContributionKind.choices)
    title = forms.CharField(label=_("Title"), max_length=150, validators=[validate_single_line])
    description = forms.CharField(
        label=_("Description"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    day = forms.DateField(label=_("Day"), widget=DATE_INPUT)
    starts = forms.TimeField(label=_("From"), widget=TIME_INPUT)
    ends = forms.TimeField(label=_("To"), widget=TIME_INPUT)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Leave empty if you come to the school."),
        validators=[validate_single_line],
    )
    capacity = forms.IntegerField(
        label=_("How many pupils"), min_value=1, max_value=1000, required=False
    )

    def __init__(self, *args, associations, theme_week, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations
        self.theme_week = theme_week

    def clean(self):
        data = super().clean()
        day, starts, ends = data.get("day"), data.get("starts"), data.get("ends")
        if day and starts and ends:
            if ends <= starts:
                self.add_error("ends", _("The contribution must end after it starts."))
            if not self.theme_week.starts_on <= day <= self.theme_week.ends_on:
                self.add_error("day", _("Choose a day within the theme week."))
            zone = timezone.get_current_timezone()
            data["starts_at"] = datetime.datetime.combine(day, starts, tzinfo=zone)
            data["ends_at"] = datetime.datetime.combine(day, ends, tzinfo=zone)
        return data
