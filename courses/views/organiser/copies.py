"""A new run of a course: a draft copy with its meetings moved to a new first day."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses import services
from courses.forms import DuplicateCourseForm
from courses.views.organiser.common import _organised_course


@require_http_methods(["GET", "POST"])
def duplicate(request, slug):
    course = _organised_course(request, slug)
    form = DuplicateCourseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                copy = services.duplicate_course(
                    course, by=request.user, first_day=form.cleaned_data["first_day"]
                )
            except services.CourseError as error:
                messages.error(request, str(error))
                status = 409
            else:
                if request.user.has_perm("courses.manage_courses"):
                    messages.success(
                        request,
                        _("The new run is saved as a draft. Check it and publish it when ready."),
                    )
                    return redirect(reverse("wagtailsnippets_courses_course:edit", args=[copy.pk]))
                messages.success(
                    request,
                    _(
                        "The new run is saved as a draft. A course administrator checks and "
                        "publishes it."
                    ),
                )
                return redirect("courses:organiser", slug=copy.slug)
        else:
            status = 400
    return render(
        request,
        "courses/organiser/duplicate.html",
        {"course": course, "form": form},
        status=status,
    )
