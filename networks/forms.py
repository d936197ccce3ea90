"""Forms for the network pages, coordinator tools and sparring. They validate input; the
services decide."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.association_choice import AssociationChoiceMixin
from core.forms import DateTimeLocalInput, accept_datetime_local, at_most, short_text
from core.validators import validate_single_line
from networks.models import (
    ContactMethod,
    Membership,
    NetworkMeeting,
    RsvpAnswer,
    SparringRequest,
)
from networks.services.invitations import MAX_INVITATIONS_AT_ONCE
from networks.services.meetings import MEETING_FIELDS
from taxonomy.models import Topic


class JoinForm(AssociationChoiceMixin, forms.ModelForm):
    """Join an open network, ask to join one by approval, or accept an invitation. The
    association is one of the person's own (`user`) or another by name."""

    class Meta:
        model = Membership
        fields = ["association", "show_name_to_members", "request_message"]
        widgets = {"request_message": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"association": at_most(150), "request_message": at_most(1000)}

    def __init__(self, *args, ask_message: bool = False, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_message:
            del self.fields["request_message"]
        self.add_association_choice(user)


class MembershipDetailsForm(AssociationChoiceMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["association", "show_name_to_members"]
        error_messages = {"association": at_most(150)}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_association_choice(user, linked_id=self.instance.linked_association_id)


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your answer"), choices=RsvpAnswer.choices)


class DeclineForm(forms.Form):
    reason = short_text(_("Reason (sent to the person)"))


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        help_text=_(
            "One or more addresses, separated by commas or new lines. Each person gets a "
            "personal link that works for 14 days."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )

    def clean_emails(self):
        emails = [e for e in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if e]
        validator = forms.EmailField()
        for email in emails:
            try:
                validator.clean(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(email)s” is not a valid email address."), params={"email": email}
                ) from None
        if len(set(emails)) > MAX_INVITATIONS_AT_ONCE:
            raise forms.ValidationError(
                _("You can invite at most %(count)d people at a time."),
                params={"count": MAX_INVITATIONS_AT_ONCE},
            )
        return emails


class MeetingForm(forms.ModelForm):
    class Meta:
        model = NetworkMeeting
        fields = list(MEETING_FIELDS)
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "place_name": _("Shown to members only."),
            "place_address": _("Shown to members only."),
            "online_link": _("Shown to members only."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept_datetime_local(self, "starts_at", "ends_at")

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        if starts_at and "starts_at" in self.changed_data and starts_at <= timezone.now():
            self.add_error("starts_at", _("The meeting must start in the future."))
        if not cleaned.get("place_name") and not cleaned.get("online_link"):
            self.add_error(
                "place_name", _("Give a place or an online link, so members know where to go.")
            )
        return cleaned

    def _post_clean(self):
        # The service saves the meeting; the form must not touch the instance it edits.
        pass


class CancelMeetingForm(forms.Form):
    reason = short_text(_("Reason (sent to the members)"))


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes or minutes"),
        help_text=_("Shown to the network's members only."),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[validate_single_line])
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )


class SparringRequestForm(AssociationChoiceMixin, forms.ModelForm):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=_("Choose a topic (optional)"),
    )

    class Meta:
        model = SparringRequest
        fields = ["topic", "subject", "description", "association", "contact_method", "phone"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "contact_method": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "subject": _("A few words, e.g. “Conflict in the board”."),
            "description": _(
                "Describe briefly what you would like to talk about. Do not write sensitive "
                "details about other people."
            ),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].label_from_instance = lambda topic: topic.display_name
        self.add_association_choice(user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_method") == ContactMethod.PHONE and not cleaned.get("phone"):
            self.add_error("phone", _("Write the phone number we should call."))
        phone = cleaned.get("phone") or ""
        if phone and sum(c.isdigit() for c in phone) < 8:
            self.add_error(
                "phone", _("Enter a phone number of at least 8 digits, e.g. 59 53 44 00.")
            )
        return cleaned

    def _post_clean(self):
        pass


class SparringMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
