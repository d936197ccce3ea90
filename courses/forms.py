from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CourseMessage, MessageRecipients, Signup


class SignupForm(forms.ModelForm):
    """What a participant may tell the organisers when signing up (all optional)."""

    class Meta:
        model = Signup
        fields = ["association", "needs", "show_name_to_participants"]
        widgets = {
            "association": forms.TextInput(attrs={"autocomplete": "organization"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }


class DeclineSignupForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with the email that tells them the signup was not approved."),
    )


class MessageForm(forms.ModelForm):
    class Meta:
        model = CourseMessage
        fields = ["recipients", "subject", "body"]
        widgets = {
            "recipients": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = MessageRecipients.choices


class DuplicateCourseForm(forms.Form):
    first_day = forms.DateField(
        label=_("First day of the new run"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Every meeting and deadline moves by the same number of days, at the same time "
            "of day. The copy is saved as a draft without participants."
        ),
    )

    def clean_first_day(self):
        first_day = self.cleaned_data["first_day"]
        if first_day < timezone.localdate():
            raise forms.ValidationError(_("Choose a day that has not passed."))
        return first_day


class AttendanceForm(forms.Form):
    """One checkbox per confirmed participant: ticked means present."""

    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, signups, **kwargs):
        super().__init__(*args, **kwargs)
        self.signups = list(signups)
        self.fields["present"].choices = [
            (signup.pk, signup.user.get_full_name()) for signup in self.signups
        ]

    def marks(self) -> dict[int, bool]:
        present = set(self.cleaned_data["present"])
        return {signup.pk: signup.pk in present for signup in self.signups}
