"""Query parameters: the site's FilterSets, pagination and the language, for the API.

The list operations filter with the very FilterSets the site's lists use (courses.filters
.CourseFilter for /kurser/, and so on): a parameter means on the API what it means on the page,
and an invalid one is refused the same way (400, with the form's translated error per field).
Their OpenAPI description is derived from the same FilterSet, so it cannot drift.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from api.http import LANGUAGE_PARAMETER

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class ApiError(Exception):
    """An answer other than 200: its status, a translated message and errors per field."""

    def __init__(self, status: int, detail: str, errors: dict[str, list[str]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def form_errors(form) -> dict[str, list[str]]:
    return {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }


def invalid_parameters(form) -> ApiError:
    return ApiError(400, _("Some parameters are not valid."), form_errors(form))


# --- FilterSets --------------------------------------------------------------------------------


def _schema_for(name: str, filter_) -> dict:
    extra = filter_.extra
    if isinstance(filter_, django_filters.BooleanFilter):
        # "on" is what the site's checkbox sends.
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["on"]}]}
    if isinstance(filter_, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(filter_, django_filters.NumberFilter):
        schema = {"type": "number"}
        if extra.get("min_value") is not None:
            schema["minimum"] = extra["min_value"]
        if extra.get("max_value") is not None:
            schema["maximum"] = extra["max_value"]
        return schema
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        if extra.get("to_field_name"):
            return {"type": "string"}
        return {"type": "integer", "minimum": 1}
    if isinstance(filter_, django_filters.ChoiceFilter):
        choices = extra.get("choices")
        if choices and not callable(choices):
            return {"type": "string", "enum": [str(value) for value, _label in choices]}
        return {"type": "string"}
    schema = {"type": "string"}
    if extra.get("max_length"):
        schema["maxLength"] = extra["max_length"]
    return schema


# An empty value is a filter left out, as when the site's filter form is sent with a field
# left empty (?topic=&format=online).
EMPTY = {"type": "string", "maxLength": 0}


BOOLEAN_VALUES = {"", "true", "false", "on"}


def or_empty(schema: dict) -> dict:
    return {"anyOf": [schema, EMPTY]}


def filter_parameters(filterset_class, descriptions: dict | None = None) -> list[dict]:
    """The FilterSet's filters as OpenAPI query parameters (descriptions are translated when
    the document is served; a filter's own label is the default)."""
    descriptions = descriptions or {}
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": descriptions.get(name, filter_.label),
            "schema": or_empty(_schema_for(name, filter_)),
        }
        for name, filter_ in filterset_class.base_filters.items()
    ]


def filtered(filterset_class, request, queryset, **kwargs):
    """The queryset as the FilterSet filters it for this request's query string; ApiError 400
    with the form's errors when a value is not valid (the site shows them with status 400)."""
    # A checkbox takes any value but "false" for "on"; the API is stricter, so a typing
    # mistake ("ture") is an error instead of a filter silently turned on.
    wrong = {
        name: [_("Enter true or false.")]
        for name, filter_ in filterset_class.base_filters.items()
        if isinstance(filter_, django_filters.BooleanFilter)
        and request.GET.get(name, "") not in BOOLEAN_VALUES
    }
    if wrong:
        raise ApiError(400, _("Some parameters are not valid."), wrong)
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request, **kwargs)
    if filterset.is_bound and not filterset.is_valid():
        raise invalid_parameters(filterset.form)
    return filterset.qs


# --- Pagination --------------------------------------------------------------------------------


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)


PAGE_PARAMETERS = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "description": gettext_noop("Page number, from 1."),
        "schema": or_empty({"type": "integer", "minimum": 1, "default": 1}),
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": gettext_noop("Results per page."),
        "schema": or_empty(
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            }
        ),
    },
]

LANGUAGE_PARAMETERS = [
    {
        "name": LANGUAGE_PARAMETER,
        "in": "query",
        "required": False,
        "description": gettext_noop(
            "The language of texts and links: da (Danish) or en (English). Without it, "
            "Accept-Language decides; Danish is the default."
        ),
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }
]


@dataclass
class Page:
    objects: list
    envelope: dict


def paginate(request, queryset) -> Page:
    """One page of the queryset (whose ordering ends in a unique column, so pages are stable):
    the objects and the envelope around them (count, page, pages, next and previous links)."""
    form = PageForm(request.GET)
    if not form.is_valid():
        raise invalid_parameters(form)
    number = form.cleaned_data["page"] or 1
    size = form.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE
    paginator = Paginator(queryset, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise ApiError(404, _("There is no page %(number)s.") % {"number": number}) from None
    return Page(
        objects=list(page.object_list),
        envelope={
            "count": paginator.count,
            "page": number,
            "page_size": size,
            "pages": paginator.num_pages,
            "next": _page_url(request, number + 1) if page.has_next() else None,
            "previous": _page_url(request, number - 1) if page.has_previous() else None,
        },
    )


def _page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
