"""What every organiser page shares: the course looked up for its organiser (a 404 for
everyone else, so nobody learns whether a course has participants at all), a signup of it,
the page for a refused change, and the way back to the overview's search and pages."""

from functools import cache
from urllib.parse import urlencode

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core.prepared import PreparedQuery
from courses import queries
from courses.models import Course, Signup
from courses.rules import course_access


# Built once per process, filtered per request (resolving the seat-count subqueries was a
# fifth of every organiser page's query building). Never evaluated here, only cloned.
@cache
def _courses_with_seat_counts():
    return queries.with_seat_counts(Course.objects.select_related("provider"))


def _organised_course(request, slug, courses=None) -> Course:
    """The course of `slug` (from `courses`, a queryset or a PreparedQuery by slug; by
    default annotated with its seat counts) if the request's person organises it, else a 404."""
    if isinstance(courses, PreparedQuery):
        course = courses.instance(slug)
        if course is None:
            raise Http404
    else:
        course = get_object_or_404(
            _courses_with_seat_counts() if courses is None else courses, slug=slug
        )
    # courses.organise_course, decided once per request from the predicates it is made of.
    if not course_access(request, course).is_organiser:
        raise Http404
    return course


def _signup_of(course, signup_id) -> Signup:
    return get_object_or_404(Signup.objects.select_related("user"), pk=signup_id, course=course)


def _refused(request, course, error, back=None):
    """A refused change: the reason in words, and a 409 (the request was fine, the state not)."""
    return render(
        request,
        "courses/organiser/refused.html",
        {"course": course, "error": str(error), "back": back},
        status=409,
    )


SEARCH_MAX_LENGTH = 100


def participant_search(query) -> str:
    """The participant search (`q`) of the overview or the check-in list, trimmed and cut to
    SEARCH_MAX_LENGTH."""
    return query.get("q", "").strip()[:SEARCH_MAX_LENGTH]


def overview_state(query) -> str:
    """The overview's search and pages (`q`, `side`, `venteside`) as a query string, '' when
    there are none: what an action on a row takes along to come back to the same place."""
    kept = {}
    search = participant_search(query)
    if search:
        kept["q"] = search
    for name in ("side", "venteside"):
        value = query.get(name, "")
        if value.isdecimal() and len(value) <= 6:
            kept[name] = value
    return urlencode(kept)


def overview_url(request, course) -> str:
    """The overview the organiser came from (`?tilbage=` holds its query), or its first page."""
    state = overview_state(QueryDict(request.GET.get("tilbage", "")[:500]))
    url = reverse("courses:organiser", args=[course.slug])
    return f"{url}?{state}" if state else url
