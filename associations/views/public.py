"""The public pages: the directory, an association's page and volunteer fairs."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from associations import queries
from associations.filters import AssociationFilter
from associations.models import Association, Fair
from core.page_cache import public_page

PAGE_SIZE = 20


@require_safe
@public_page
def directory(request):
    associations = queries.directory_associations()
    association_filter = AssociationFilter(request.GET or None, queryset=associations)
    if association_filter.is_bound and not association_filter.is_valid():
        results, status = associations, 400
    else:
        results, status = association_filter.qs, 200
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": association_filter,
        "page_obj": page,
        "count": page.paginator.count,
        "year": timezone.localdate().year,
    }
    template = "associations/directory.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, context, status=status)


def visible_association(request, slug) -> Association:
    """Public associations for everyone; hidden ones only for their admins and staff (404)."""
    association = get_object_or_404(Association.objects.select_related("logo"), slug=slug)
    if not association.is_public and not (
        request.user.is_staff or queries.is_association_admin(request.user, association)
    ):
        raise Http404
    return association


@require_safe
@public_page
def detail(request, slug):
    association = visible_association(request, slug)
    today = timezone.localdate()
    activities = list(queries.public_activities(association))
    context = {
        "association": association,
        "categories": list(association.categories.order_by("name")),
        "activities": activities,
        "venues": list(association.venues.order_by("name", "pk")),
        "declared_year": today.year
        if queries.has_current_child_record_declaration(association, today)
        else None,
        "is_admin": queries.is_association_admin(request.user, association),
        "stands": list(queries.coming_stands_of(association, today)),
    }
    return render(request, "associations/detail.html", context)


@require_safe
@public_page
def fair_list(request):
    today = timezone.localdate()
    fairs = list(queries.coming_fairs(today))
    return render(request, "associations/fair_list.html", {"fairs": fairs, "today": today})


@require_safe
@public_page
def fair_programme(request, slug):
    fair = get_object_or_404(Fair, slug=slug)
    if not fair.is_published and not request.user.is_staff:
        raise Http404
    stands = list(queries.fair_stands(fair))
    administered = []
    if request.user.is_authenticated:
        administered = list(queries.associations_administered_by(request.user).order_by("name"))
    return render(
        request,
        "associations/fair.html",
        {
            "fair": fair,
            "stands": stands,
            "administered": administered,
            "registration_open": fair.registration_open(),
        },
    )
