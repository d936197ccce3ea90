"""Courses in the Wagtail admin: one "Courses" menu with courses, topics and providers.

Staff edit every field of a course and its meetings here, but capacity and cancellation
still go through courses.services (see CourseCreateView/CourseEditView), so raising the
number of seats promotes the waiting list and cancelling emails everybody.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from courses import services
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Attendance,
    Course,
    CourseFormat,
    CourseStatus,
    Provider,
    Signup,
    SignupStatus,
    Topic,
)


class CourseAdminForm(WagtailAdminModelForm):
    """The admin's course form, with the checks a course must pass before it is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The course's address: /kurser/<slug>/. Leave empty to make one from the title."
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug  # uniqueness is checked by the model's unique constraint
        base = slugify(self.cleaned_data.get("title") or "")[:150] or "kursus"
        taken = Course.objects.exclude(pk=self.instance.pk)
        slug, number = base, 2
        while taken.filter(slug=slug).exists():
            slug = f"{base}-{number}"
            number += 1
        return slug

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        meetings = self.formsets.get("meetings")
        remaining = []
        if meetings is not None:
            # The meetings formset is validated after this form; validate it now (the result
            # is cached) so that its cleaned data can be checked together with the course.
            meetings.is_valid()
            for form in meetings.forms:
                if not hasattr(form, "cleaned_data"):
                    continue
                if form.cleaned_data.get("DELETE"):
                    if form.instance.pk and (
                        Attendance.objects.filter(meeting=form.instance).exists()
                        or Signup.objects.filter(
                            course_id=self.instance.pk, status__in=SEAT_HOLDING_STATUSES
                        ).exists()
                    ):
                        raise forms.ValidationError(
                            _(
                                "A meeting cannot be deleted once people are signed up or "
                                "attendance is recorded. Cancel it from the organiser page "
                                "instead, so participants and their calendars are told."
                            )
                        )
                    continue
                if form.cleaned_data.get("starts_at"):
                    remaining.append(form.cleaned_data)
        if status == CourseStatus.PUBLISHED and not remaining:
            self.add_error(None, _("Add at least one meeting before publishing the course."))
        stored = Course.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        if stored is not None:
            if stored.status == CourseStatus.CANCELLED and status != CourseStatus.CANCELLED:
                self.add_error(
                    "status",
                    _("A cancelled course cannot be reopened. Copy it as a new run instead."),
                )
            active = Signup.objects.filter(course=stored, status__in=ACTIVE_SIGNUP_STATUSES)
            if (
                status == CourseStatus.DRAFT
                and stored.status != CourseStatus.DRAFT
                and active.exists()
            ):
                self.add_error(
                    "status",
                    _(
                        "People are signed up for this course: cancel it instead of making it "
                        "a draft, so that they are told."
                    ),
                )
        opens, deadline = cleaned.get("signup_opens_at"), cleaned.get("signup_deadline")
        if opens and deadline and opens >= deadline:
            self.add_error("signup_deadline", _("The deadline must come after signup opens."))
        first_start = min((m["starts_at"] for m in remaining), default=None)
        for name in ("signup_deadline", "cancellation_deadline"):
            value = cleaned.get(name)
            if value and first_start and value > first_start:
                self.add_error(name, _("The deadline must be before the first meeting starts."))
        if (
            cleaned.get("format") != CourseFormat.IN_PERSON
            and status == CourseStatus.PUBLISHED
            and not cleaned.get("online_link")
        ):
            self.add_error(
                "online_link", _("Online and hybrid courses need a link for the participants.")
            )
        return cleaned


class CourseSaveMixin:
    """Save through courses.services.save_course instead of a plain form.save()."""

    def save_instance(self):
        course = self.form.instance
        data = self.form.cleaned_data
        return services.save_course(
            course,
            by=self.request.user,
            save=super().save_instance,
            capacity=data.get("capacity"),
            status=data.get("status"),
            cancellation_reason=data.get("cancellation_reason", ""),
        )


class CourseCreateView(CourseSaveMixin, CreateView):
    pass


class CourseEditView(CourseSaveMixin, EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            HeaderButton(
                _("Participants and attendance"),
                url=reverse("courses:organiser", args=[self.object.slug]),
                icon_name="group",
                priority=5,
            )
        )
        buttons.append(
            HeaderButton(
                _("Copy as a new run"),
                url=reverse("courses:duplicate", args=[self.object.slug]),
                icon_name="copy",
                priority=6,
            )
        )
        return buttons


class CourseDeleteView(DeleteView):
    def form_valid(self, form):
        if Signup.objects.filter(course=self.object).exists():
            messages.error(
                self.request,
                _("A course with signups cannot be deleted. Cancel it instead; the history stays."),
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class CourseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CourseStatus.choices)
    topics = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Topic.objects.all())
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=Provider.objects.all()
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=CourseFormat.choices)
    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Starts"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Course
        fields = ["status", "topics", "provider", "format", "starts_at"]


def _seats(course) -> str:
    taken = course.admin_seats_taken
    if course.capacity is None:
        return str(taken)
    return f"{taken} / {course.capacity}" + (
        f" (+{course.admin_waiting})" if course.admin_waiting else ""
    )


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "date"
    menu_label = _("Courses")
    add_view_class = CourseCreateView
    edit_view_class = CourseEditView
    delete_view_class = CourseDeleteView
    copy_view_enabled = False
    filterset_class = CourseFilterSet
    list_display = [
        "title",
        Column("starts_at", label=_("Starts"), sort_key="starts_at"),
        "status",
        Column("seats", label=_("Seats (waiting)"), accessor=_seats),
        "provider",
    ]
    list_export = ["title", "starts_at", "ends_at", "status", "capacity", "provider"]
    ordering = ["-starts_at"]
    search_fields = ["title", "summary", "instructors"]
    search_backend_name = None

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel([FieldPanel("audience"), FieldPanel("language")]),
                    FieldPanel("provider"),
                    FieldPanel("instructors"),
                    FieldPanel("image"),
                ],
                heading=_("Course"),
            ),
            ObjectList(
                [
                    FieldPanel("format"),
                    MultiFieldPanel(
                        [FieldPanel("venue_name"), FieldPanel("venue_address")],
                        heading=_("Place"),
                    ),
                    FieldPanel("online_link"),
                    InlinePanel("meetings", heading=_("Meetings"), label=_("Meeting"), min_num=0),
                ],
                heading=_("Time and place"),
            ),
            ObjectList(
                [
                    FieldPanel("status"),
                    FieldPanel("cancellation_reason"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("min_participants")]),
                    FieldPanel("price"),
                    FieldRowPanel(
                        [
                            FieldPanel("signup_opens_at"),
                            FieldPanel("signup_deadline"),
                            FieldPanel("cancellation_deadline"),
                        ]
                    ),
                    FieldPanel("requires_approval"),
                    MultiFieldPanel(
                        [
                            FieldPanel("waiting_list_enabled"),
                            FieldPanel("waiting_list_mode"),
                            FieldPanel("offer_hours"),
                        ],
                        heading=_("Waiting list"),
                    ),
                ],
                heading=_("Signup"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                    FieldPanel("organisers"),
                    FieldPanel("issues_certificate"),
                    FieldPanel("min_attendance_percent"),
                ],
                heading=_("Organisers and certificate"),
            ),
        ],
        base_form_class=CourseAdminForm,
    )

    def get_queryset(self, request):
        return Course.objects.select_related("provider").annotate(
            admin_seats_taken=Count("signups", filter=Q(signups__status__in=SEAT_HOLDING_STATUSES)),
            admin_waiting=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED)),
        )


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
    ]


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "site"
    menu_label = _("Providers")
    list_display = ["name", "contact_name", "contact_email", "website"]
    search_fields = ["name", "contact_name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("contact_phone"),
    ]


class CoursesGroup(SnippetViewSetGroup):
    items = (CourseViewSet, TopicViewSet, ProviderViewSet)
    menu_icon = "date"
    menu_label = _("Courses")
    menu_name = "courses"
    menu_order = 200


register_snippet(CoursesGroup)
