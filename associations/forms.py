"""Forms for the association admins' pages. They validate input; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import (
    Activity,
    Association,
    BoardCompetenceNeed,
    FairStand,
    RoleKind,
    Venue,
)
from associations.services.activities import ACTIVITY_FIELDS, VENUE_FIELDS
from associations.validators import cleaned_cvr
from core.forms import DateTimeLocalInput, accept_datetime_local, at_most
from taxonomy.models import Topic

MAX_LOGO_BYTES = 2 * 1024 * 1024


class AssociationForm(forms.ModelForm):
    logo_upload = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("Optional. A PNG or JPEG file of at most 2 MB."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    cvr = forms.CharField(
        label=_("CVR number"),
        required=False,
        max_length=20,
        help_text=_("Optional. Eight digits, as registered at virk.dk."),
    )

    class Meta:
        model = Association
        fields = [
            "name",
            "summary",
            "description",
            "categories",
            "town",
            "address",
            "cvr",
            "website",
            "email",
            "phone",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "categories": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "name": at_most(150),
            "summary": at_most(300),
            "description": at_most(5000),
            "town": at_most(80),
            "address": at_most(250),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and self.instance.logo_id):
            del self.fields["remove_logo"]

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if upload and upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("The logo is too large: at most 2 MB."))
        if upload and getattr(upload, "content_type", "") not in ("image/png", "image/jpeg"):
            raise forms.ValidationError(_("Upload the logo as a PNG or JPEG file."))
        return upload

    def clean_cvr(self):
        # Accept "DK 29 18 98 46"; store the eight digits checked with the modulus-11 sum.
        return cleaned_cvr(self.cleaned_data.get("cvr", ""))


class AddPersonForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_(
            "Someone with a profile gets the role at once (also a second role). Someone "
            "without one gets an invitation by email, valid for 14 days."
        ),
    )
    # No role is chosen beforehand: an admin who overlooks the field must not make someone
    # chair (the first role) by accident.
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Choose a role")), *RoleKind.choices],
        error_messages={"required": _("Choose the person's role.")},
    )
    is_admin = forms.BooleanField(
        label=_("can manage the association"),
        required=False,
        help_text=_("Admins edit the association, its people, venues and activities."),
    )


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=RoleKind.choices)
    is_admin = forms.BooleanField(label=_("can manage the association"), required=False)


class ConsentForm(forms.Form):
    consent = forms.BooleanField(label=_("show my completed courses to the board"), required=False)


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = list(VENUE_FIELDS)
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": at_most(150),
            "address": at_most(250),
            "accessibility": at_most(1000),
        }


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = list(ACTIVITY_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
        }
        help_texts = {
            "starts_at": _("For a single event. Leave empty for a recurring activity."),
        }
        error_messages = {
            "title": at_most(150),
            "description": at_most(3000),
            "schedule": at_most(150),
        }

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Venue.objects.filter(association=association).order_by(
            "name"
        )
        self.fields["venue"].empty_label = _("No venue")
        accept_datetime_local(self, "starts_at", "ends_at")

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if ends_at and not starts_at:
            self.add_error("starts_at", _("Give the start time too."))
        elif starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The activity must end after it starts."))
        if not starts_at and not cleaned.get("schedule"):
            self.add_error("schedule", _("Say when the activity takes place."))
        return cleaned


class DeclarationForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    confirm = forms.BooleanField(
        label=_(
            "I confirm that the association has obtained child-record checks (børneattester) "
            "for everyone who has direct contact with children under 15 in its activities."
        ),
        error_messages={"required": _("Tick the box to confirm the declaration.")},
    )

    def __init__(self, *args, declared_years=(), **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, year) for year in (this_year, this_year + 1) if year not in declared_years
        ]


class NeedForm(forms.ModelForm):
    class Meta:
        model = BoardCompetenceNeed
        fields = ["topic", "note"]
        error_messages = {"note": at_most(250)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.order_by("name")


class StandForm(forms.ModelForm):
    class Meta:
        model = FairStand
        fields = ["offer", "volunteers_sought"]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 4}),
            "volunteers_sought": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"offer": at_most(1000), "volunteers_sought": at_most(1000)}
