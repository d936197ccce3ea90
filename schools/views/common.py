"""What the schools views share: finding objects the visitor may see (else 404), and the
POST that moves an offer or a theme week to another status.

Views that need a permission use `core.permissions.permission_required_or_404` with the
permissions of schools/rules.py; the placement pages log in with Django's `login_required` and
find the placement with the visitor's roles on it here, since the page shows what each role
may do.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from core.services import run_service
from schools import queries
from schools.models import InternshipOffer, Placement, ThemeWeek
from schools.rules import placement_actors


def visible_offer_or_404(request, pk):
    offer = queries.visible_offer(request.user, pk)
    if offer is None:
        raise Http404
    return offer


def placement_or_404(request, pk) -> tuple[Placement, set]:
    """The placement and the visitor's roles on it; people with no role get a 404, so a school
    cannot even learn that another school's placement exists."""
    placement = get_object_or_404(queries.with_pupils(Placement.objects.all()), pk=pk)
    actors = placement_actors(request.user, placement)
    if not actors:
        raise Http404
    return placement, actors


def offer_of(request, pk) -> InternshipOffer:
    return get_object_or_404(InternshipOffer.objects.select_related("association"), pk=pk)


def theme_week_of(request, pk) -> ThemeWeek:
    return get_object_or_404(ThemeWeek.objects.select_related("school"), pk=pk)


def change_status(request, obj, service, statuses, *, invalid: str, changed: str):
    """Move `obj` to the status the form posts (one of `statuses`) through `service`, tell
    the visitor (`changed`, with `%(status)s`) or why not, and go back to its page."""
    target = request.POST.get("status", "")
    if target not in statuses:
        messages.error(request, invalid)
        return redirect(obj)
    run_service(
        request,
        service,
        obj,
        target,
        by=request.user,
        success=lambda moved: changed % {"status": moved.get_status_display()},
    )
    return redirect(obj)
