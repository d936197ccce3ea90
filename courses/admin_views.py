"""The views and forms behind courses' screens in the Wagtail admin (registered in
courses/wagtail_hooks/): editing a course through the services, the evaluation results per
topic and per course, the demand for courses per topic, and answering a course wish."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView

from core.slugs import save_with_unique_slug
from courses import queries, services, validators
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Attendance,
    Course,
    CourseStatus,
    CourseWish,
    EvaluationAnswer,
    Signup,
    WishStatus,
)
from courses.models.evaluations import ANONYMITY_THRESHOLD
from courses.queries.wishes import demand_sources
from courses.services import wishes as wish_services

# /kurser/<word>/ pages that are not courses (courses/urls.py).
RESERVED_SLUGS = {"oensker", "evaluering", "tjek-ind"}


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
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is taken by another page. Choose another."))
        # Uniqueness of a typed slug is checked by the model's unique constraint. Left empty,
        # a course keeps the address it has; a new one gets one from its title when it is
        # saved (save below).
        return slug or self.instance.slug or ""

    def save(self, commit=True):
        if not commit or self.cleaned_data.get("slug"):
            return super().save(commit=commit)
        course = super().save(commit=False)
        save_with_unique_slug(
            course,
            self.cleaned_data.get("title") or "",
            fallback="kursus",
            reserved=RESERVED_SLUGS,
        )
        self.save_m2m()
        return course

    def clean(self):
        cleaned = super().clean()
        meetings = self.formsets.get("meetings")
        schedule = []
        if meetings is not None:
            # The meetings formset is validated after this form; validate it now (the result
            # is cached) so that its cleaned data can be checked together with the course.
            # Each meeting's own order (end after start) is Meeting.clean's, with the same
            # validator, so the database constraint never speaks to the editor.
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
                if form.cleaned_data.get("starts_at") and not form.instance.cancelled_at:
                    schedule.append(
                        (form.cleaned_data["starts_at"], form.cleaned_data.get("ends_at"))
                    )
        stored = Course.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        # Every rule of courses/validators.py, each message on its field.
        errors = validators.course_errors(
            data=cleaned,
            schedule=schedule,
            old_status=stored.status if stored else None,
            has_active_signups=stored is not None
            and Signup.objects.filter(course=stored, status__in=ACTIVE_SIGNUP_STATUSES).exists(),
        )
        if errors is not None:
            for field, messages_ in errors.error_dict.items():
                for message in messages_:
                    self.add_error(None if field == NON_FIELD_ERRORS else field, message)
        return cleaned


class CourseSaveMixin:
    """Save through courses.services.save_course instead of a plain form.save()."""

    def form_valid(self, form):
        # The service checks the rules again on what it saved; a refusal is the form's error.
        try:
            return super().form_valid(form)
        except services.CourseError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)

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


# The evaluation report covers the courses that ended within this many days.
EVALUATION_REPORT_DAYS = 365


def _admin_context(title: str, icon: str) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
    }


def evaluation_report(request):
    """Evaluation results per topic and per course for staff; groups of fewer than
    ANONYMITY_THRESHOLD answers show only their count. Five queries."""
    if not request.user.has_perm("courses.view_evaluationanswer"):
        raise PermissionDenied
    since = timezone.now() - timedelta(days=EVALUATION_REPORT_DAYS)
    courses = Course.objects.filter(status=CourseStatus.PUBLISHED, ends_at__gte=since)
    answers = EvaluationAnswer.objects.filter(course__in=courses)
    context = {
        **_admin_context(_("Course evaluations"), "list-ul"),
        "since": since,
        "overall": queries.evaluation_summary(answers),
        "topics": queries.evaluation_summaries_by_topic(answers),
        "courses": queries.evaluation_summaries_by_course(courses),
        "threshold": ANONYMITY_THRESHOLD,
    }
    return TemplateResponse(request, "courses/admin/evaluation_report.html", context)


def demand_report(request):
    """Course wishes and other demand per topic, most wanted first."""
    if not request.user.has_perm("courses.view_coursewish"):
        raise PermissionDenied
    sources = demand_sources()
    demand = queries.demand_by_topic()
    for row in demand:
        row.other_counts = [row.other.get(source.key, 0) for source in sources]
    context = {
        **_admin_context(_("Demand for courses"), "pick"),
        "demand": demand,
        "sources": sources,
        "wishes_url": reverse("wagtailsnippets_courses_coursewish:list"),
        "add_course_url": reverse("wagtailsnippets_courses_course:add"),
        "can_add_course": request.user.has_perm("courses.add_course"),
    }
    return TemplateResponse(request, "courses/admin/demand.html", context)


class CourseWishAdminForm(WagtailAdminModelForm):
    """Staff answer a wish: plan a course for it, close it, or open it again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "planned_course" in self.fields:
            self.fields["planned_course"].queryset = Course.objects.exclude(
                status=CourseStatus.CANCELLED
            ).order_by("-starts_at", "title")

    def clean(self):
        cleaned = super().clean()
        status, course = cleaned.get("status"), cleaned.get("planned_course")
        if status == WishStatus.PLANNED and course is None:
            self.add_error("planned_course", _("Choose the course that is planned."))
        if status != WishStatus.PLANNED and course is not None:
            self.add_error(
                "planned_course", _("Only a planned wish has a course. Leave the field empty.")
            )
        stored = CourseWish.objects.filter(pk=self.instance.pk).first()
        if (
            stored is not None
            and status
            and status not in wish_services.WISH_TRANSITIONS[WishStatus(stored.status)]
        ):
            self.add_error("status", _("This wish cannot be changed that way."))
        return cleaned


class CourseWishEditView(EditView):
    def save_instance(self):
        # Through the services: planning a wish may tell its supporters at once.
        data = self.form.cleaned_data
        wish = CourseWish.objects.get(pk=self.object.pk)
        response = data.get("response", "")
        status = data["status"]
        if status == WishStatus.PLANNED:
            return services.plan_wish(
                wish, data["planned_course"], by=self.request.user, response=response
            )
        if status == WishStatus.CLOSED:
            return services.close_wish(wish, by=self.request.user, response=response)
        return services.reopen_wish(wish, by=self.request.user, response=response)
