from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.association_choice import AssociationChoiceMixin
from core.forms import short_text
from courses.models import CourseMessage, CourseWish, MessageRecipients, Signup, Usefulness
from courses.models.invoicing import digits_only, validate_cvr, validate_ean
from courses.services.evaluations import Answer
from taxonomy.models import Topic

INVOICE_FIELDS = ("invoice_association", "invoice_ean", "invoice_cvr", "invoice_reference")


class SignupForm(AssociationChoiceMixin, forms.ModelForm):
    """What a participant may tell the organisers when signing up (all optional; the
    association one of the person's own or another by name), and, for a course invoiced to
    the association, whom to invoice (name and an EAN or CVR number)."""

    invoice_fields = INVOICE_FIELDS

    class Meta:
        model = Signup
        fields = ["association", "needs", "show_name_to_participants", *INVOICE_FIELDS]
        widgets = {
            "association": forms.TextInput(attrs={"autocomplete": "organization"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, course=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_association_choice(user, linked_id=self.instance.linked_association_id)
        self.invoiced = course is not None and course.is_invoiced
        if not self.invoiced:
            for name in INVOICE_FIELDS:
                del self.fields[name]
            return
        self.fields["invoice_association"].required = True
        # Typed with spaces or dashes ("5790 0012 3456 0"); stored as digits only.
        for name, digits in (("invoice_ean", 13), ("invoice_cvr", 8)):
            model_field = Signup._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=capfirst(model_field.verbose_name),
                help_text=model_field.help_text,
                required=False,
                max_length=digits + 8,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            )

    def invoice_bound_fields(self):
        return [self[name] for name in INVOICE_FIELDS if name in self.fields]

    def clean_invoice_ean(self):
        number = digits_only(self.cleaned_data.get("invoice_ean", ""))
        validate_ean(number)
        return number

    def clean_invoice_cvr(self):
        number = digits_only(self.cleaned_data.get("invoice_cvr", ""))
        validate_cvr(number)
        return number

    def clean(self):
        cleaned = super().clean()
        numbers = cleaned.get("invoice_ean") or cleaned.get("invoice_cvr")
        own_errors = "invoice_ean" in self.errors or "invoice_cvr" in self.errors
        if self.invoiced and not numbers and not own_errors:
            self.add_error(
                "invoice_cvr",
                _("Give the association's CVR number, or its EAN number for e-invoices."),
            )
        return cleaned


class AddParticipantForm(forms.Form):
    """An organiser adds a person by the email of their account."""

    email = forms.EmailField(
        label=_("The person's email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "The person must already have an account. They get the same email as when they "
            "sign up themselves."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = None

    def clean_email(self):
        from django.contrib.auth import get_user_model

        email = self.cleaned_data["email"].strip()
        self.person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if self.person is None:
            raise forms.ValidationError(
                _(
                    "No account has this email address. Ask the person to create an account "
                    "first, or check the spelling."
                )
            )
        return email


class DeclineSignupForm(forms.Form):
    message = short_text(
        _("Message to the person"),
        rows=4,
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
        self.fields["body"].help_text = _(
            "The email starts with your text, so begin with your own greeting. The course's "
            "practical details follow below it."
        )


# How far ahead a course can be copied to (five years).
RERUN_HORIZON_DAYS = 5 * 365


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
        # Every date of the course moves by the same number of days: far enough ahead, one of
        # them passes the year 9999 (OverflowError, a 500).
        if first_day > timezone.localdate() + timedelta(days=RERUN_HORIZON_DAYS):
            raise forms.ValidationError(_("Choose a day within the next five years."))
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


class EvaluationForm(forms.Form):
    """The one-minute evaluation: two quick choices and two optional texts."""

    usefulness = forms.TypedChoiceField(
        label=_("How useful was the course for you?"),
        choices=Usefulness.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend the course to others?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    keep = short_text(_("What should we keep?"))
    change = short_text(
        _("What should we change?"),
        help_text=_("Please leave out names: the organisers read your words as you wrote them."),
    )

    def answer(self) -> Answer:
        data = self.cleaned_data
        return Answer(
            usefulness=data["usefulness"],
            would_recommend=data["would_recommend"],
            keep=data["keep"],
            change=data["change"],
        )


class WishForm(forms.ModelForm):
    """Propose a course."""

    class Meta:
        model = CourseWish
        fields = [
            "topic",
            "title",
            "description",
            "expected_participants",
            "time_of_day",
            "format",
            "association",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "expected_participants": forms.NumberInput(attrs={"min": 1, "max": 200}),
            "time_of_day": forms.RadioSelect,
            "format": forms.RadioSelect,
            "association": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].label = _("Topic")
        self.fields["topic"].queryset = Topic.objects.order_by("name")
        self.fields["topic"].label_from_instance = lambda topic: topic.display_name
        self.fields["topic"].empty_label = _("Choose a topic")


class SignupAnswersForm(forms.Form):
    """The course's own signup questions (courses.models.SignupQuestion), one field each, in
    the admin's order. Kept apart from SignupForm (prefix "q") so its fields never reach the
    signup's own columns; `answers()` is what courses.services.sign_up takes."""

    prefix = "q"

    def __init__(self, *args, course, signup=None, **kwargs):
        from courses.models import QuestionKind, SignupAnswer
        from courses.models.questions import ANSWER_MAX_LENGTH
        from courses.queries import signup_questions

        super().__init__(*args, **kwargs)
        self.questions = signup_questions(course)
        initial = {}
        if signup is not None and self.questions:
            initial = dict(
                SignupAnswer.objects.filter(signup=signup).values_list("question_id", "value")
            )
        for question in self.questions:
            name = f"question_{question.pk}"
            options = {"label": question.text, "required": question.required}
            if question.kind == QuestionKind.YES_NO:
                field = forms.ChoiceField(
                    choices=[("yes", _("Yes")), ("no", _("No"))],
                    widget=forms.RadioSelect,
                    **options,
                )
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    choices=[(option, option) for option in question.option_list],
                    widget=forms.RadioSelect,
                    **options,
                )
            else:
                field = forms.CharField(max_length=ANSWER_MAX_LENGTH, **options)
            field.initial = initial.get(question.pk)
            self.fields[name] = field

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data.get(f"question_{question.pk}") or ""
            for question in self.questions
        }
