"""Participant lists and invoice lists as CSV and Excel."""

from django.http import Http404
from django.views.decorators.http import require_safe

from core.exports import private_download
from courses import exports, queries
from courses.models import Course, Signup, SignupStatus
from courses.views.organiser.common import _organised_course
from courses.views.organiser.participants import _participants


def _export_rows(course):
    signups = _participants(course)
    held = queries.held_meeting_count(course)
    questions = list(course.questions.order_by("sort_order", "pk"))
    return exports.participant_rows(course, signups, held, questions), questions


@require_safe
def export_csv(request, slug):
    course = _organised_course(request, slug)
    rows, questions = _export_rows(course)
    return private_download(
        exports.to_csv(rows, questions), "text/csv; charset=utf-8", f"{course.slug}-deltagere.csv"
    )


@require_safe
def export_xlsx(request, slug):
    course = _organised_course(request, slug)
    rows, questions = _export_rows(course)
    return private_download(
        exports.to_xlsx(course, rows, questions),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{course.slug}-deltagere.xlsx",
    )


def _invoiced_course(request, slug) -> Course:
    course = _organised_course(request, slug)
    if not course.is_invoiced:
        raise Http404
    return course


def _invoice_rows(course):
    signups = Signup.objects.filter(
        course=course, status__in=[SignupStatus.CONFIRMED, SignupStatus.OFFERED]
    ).select_related("user")
    return exports.invoice_rows(course, signups)


@require_safe
def invoices_csv(request, slug):
    course = _invoiced_course(request, slug)
    return private_download(
        exports.invoices_csv(_invoice_rows(course)),
        "text/csv; charset=utf-8",
        f"{course.slug}-fakturering.csv",
    )


@require_safe
def invoices_xlsx(request, slug):
    course = _invoiced_course(request, slug)
    return private_download(
        exports.invoices_xlsx(course, _invoice_rows(course)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{course.slug}-fakturering.xlsx",
    )
