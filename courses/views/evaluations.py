"""The course evaluation: the form a participant answers (from the emailed link, or from
Mine kurser when logged in) and the results the organisers see."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from courses import queries, services
from courses.forms import EvaluationForm
from courses.models import Course, EvaluationInvitation
from courses.services.evaluations import answer_deadline, can_answer, invitation_for_token
from courses.views.organiser.common import _organised_course


def _answer(request, invitation: EvaluationInvitation, *, back: str):
    """GET shows the form (or why it is closed); POST stores the answer and comes back."""
    course = invitation.course
    if not can_answer(invitation):
        return render(
            request,
            "courses/evaluation_closed.html",
            {"course": course, "answered": invitation.answered},
            status=200 if request.method == "GET" else 409,
        )
    form = EvaluationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_evaluation(invitation, form.answer())
            except services.CourseError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you! Your answer has been saved."))
            return redirect(back)
        status = 400
    else:
        status = 200
    context = {"course": course, "form": form, "deadline": answer_deadline(invitation)}
    return render(request, "courses/evaluation.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def answer_by_link(request, token):
    """The link in the invitation email: the token is the key, no login needed."""
    invitation = invitation_for_token(token)
    if invitation is None:
        # A link cut short or mistyped from the email: say so, still a 404.
        return render(request, "courses/evaluation_invalid.html", status=404)
    return _answer(request, invitation, back=request.path)


@require_http_methods(["GET", "POST"])
def answer_logged_in(request, slug):
    """The same form from Mine kurser, for a participant who is logged in."""
    if not request.user.is_authenticated:
        raise Http404
    invitation = get_object_or_404(
        EvaluationInvitation.objects.select_related("course"),
        course__slug=slug,
        user=request.user,
    )
    return _answer(request, invitation, back=request.path)


@require_safe
def results(request, slug):
    """The organisers' view: aggregates and free text without names, from three answers."""
    course: Course = _organised_course(request, slug)
    evaluation = queries.course_evaluation_results(course)
    return render(
        request,
        "courses/organiser/evaluation.html",
        {"course": course, "evaluation": evaluation, "summary": evaluation.summary},
    )
