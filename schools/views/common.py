"""What the schools views share: finding objects the visitor may see (else 404)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404

from schools import queries
from schools.access import placement_actors
from schools.models import Placement


def login_required_404(view):
    """Log in first; what the person then may not see is a 404, never a 403."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


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
