"""The OpenAPI document, its documentation page and the embeddable course list."""

import json

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from api import docs
from api.http import json_response, rate_limit
from api.main import openapi_document
from api.operations import site_url
from core.page_cache import cache_seconds, content_cached, public_page
from courses import queries as course_queries
from courses.filters import CourseFilter

EMBED_DEFAULT_COURSES = 5
EMBED_MAX_COURSES = 20
# Any site may show the course list in a frame; everything else keeps 'self' only.
EMBED_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}
EMBED_CACHE_CONTROL = "public, max-age=300"


def not_found(request, *args, **kwargs):
    return json_response({"detail": gettext("Not found.")}, 404)


def openapi_json(request):
    body = json.dumps(openapi_document(), ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@require_safe
@public_page
def documentation(request):
    document = openapi_document()
    base_url = settings.SITE_URL.rstrip("/")
    context = {
        "document": document,
        "sections": docs.sections(document, base_url),
        "schemas": docs.schema_tables(document),
        "base_url": base_url,
        "api_url": base_url + reverse("api:index"),
        "openapi_url": base_url + reverse("api:openapi"),
        "embed_url": site_url(reverse("api_pages:embed_courses")),
        "rate_limit": rate_limit()[0],
        "rate_window": rate_limit()[1],
    }
    return HttpResponse(render_to_string("api/docs.html", context, request=request))


class EmbedForm(forms.Form):
    limit = forms.IntegerField(min_value=1, max_value=EMBED_MAX_COURSES, required=False)


def _embed_body(request) -> tuple[int, str]:
    courses = course_queries.catalogue_courses()
    course_filter = CourseFilter(request.GET or None, queryset=courses, request=request)
    limit_form = EmbedForm(request.GET)
    valid = limit_form.is_valid() and (not course_filter.is_bound or course_filter.is_valid())
    context = {"catalogue_url": site_url(reverse("courses:catalogue")), "valid": valid}
    if valid:
        limit = limit_form.cleaned_data["limit"] or EMBED_DEFAULT_COURSES
        chosen = course_filter.form.cleaned_data if course_filter.is_bound else {}
        filters = {
            name: value
            for name, value in request.GET.items()
            if name in CourseFilter.base_filters and value
        }
        shown = list(course_filter.qs[:limit])
        for course in shown:
            course.seats_left = course_queries.seats_left(course)
            course.state = str(course_queries.signup_state(course))
            course.url = site_url(course.get_absolute_url())
        context.update(
            courses=shown,
            topic=chosen.get("topic"),
            more_url=context["catalogue_url"] + (f"?{urlencode(filters)}" if filters else ""),
        )
    status = 200 if valid else 400
    return status, render_to_string("api/embed_courses.html", context)


@require_safe
@xframe_options_exempt
@csp_override(EMBED_CSP)
def embedded_courses(request):
    """/indlejring/kurser/: the next courses (optionally of a topic, audience …: the
    catalogue's filters) as a light page for another site's iframe. No cookies, no scripts, no
    tracking; the host page decides the width. Rendered without the request's context (no
    session, no CSRF token), and kept like an anonymous page."""
    seconds = cache_seconds()
    key = f"embed:{request.get_full_path()}"
    if seconds:
        status, body = content_cached(key, lambda: _embed_body(request), timeout=seconds)
    else:
        status, body = _embed_body(request)
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = EMBED_CACHE_CONTROL
    return response
