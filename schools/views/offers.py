"""Internship offers: the public list and page, asking for places, and the association's tools."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from associations.queries import associations_administered_by
from core.permissions import permission_required_or_404
from core.services import render_form, run_form_service
from schools import queries, services
from schools.filters import OfferFilter
from schools.forms import OfferForm, PlacementRequestForm, PupilFormSet
from schools.models import InternshipOffer, OfferStatus, Placement
from schools.rules import Actor, offer_actors, schools_coordinated_by
from schools.views.common import change_status, offer_of, visible_offer_or_404

PER_PAGE = 20


@require_safe
def index(request):
    context = {
        "offers": list(queries.public_offers().filter(status=OfferStatus.PUBLISHED)[:3]),
        "theme_weeks": list(queries.open_theme_weeks()[:3]),
    }
    return render(request, "schools/index.html", context)


@require_safe
def offer_list(request):
    offers = queries.public_offers()
    areas = sorted(set(offers.values_list("association__town", flat=True)))
    offer_filter = OfferFilter(request.GET or None, queryset=offers, areas=areas)
    if offer_filter.is_bound and not offer_filter.is_valid():
        # An unknown area or grade in the URL: show the errors and every offer, status 400.
        results, status = offers, 400
    else:
        results, status = offer_filter.qs, 200
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("side"))
    context = {
        "filter": offer_filter,
        "page": page,
        "offers": page.object_list,
        "filtered": any(request.GET.get(name) for name in offer_filter.filters),
    }
    template = "schools/includes/offer_results.html" if request.htmx else "schools/offer_list.html"
    return render(request, template, context, status=status)


@require_safe
def offer_detail(request, pk):
    offer = visible_offer_or_404(request, pk)
    actors = offer_actors(request.user, offer)
    my_schools = list(schools_coordinated_by(request.user))
    placements = Placement.objects.none()
    if actors:
        placements = Placement.objects.filter(offer=offer)
    elif my_schools:
        placements = Placement.objects.filter(offer=offer, school__in=my_schools)
    context = {
        "offer": offer,
        "can_manage": bool(actors),
        # The association's own overview is for its admins (staff manage from the admin).
        "is_association_admin": Actor.ASSOCIATION in actors,
        "can_request": bool(my_schools) and offer.status == OfferStatus.PUBLISHED,
        "placements": list(queries.with_pupils(placements)),
        "OfferStatus": OfferStatus,
    }
    return render(request, "schools/offer_detail.html", context)


@permission_required_or_404("schools.request_places")
@require_http_methods(["GET", "POST"])
def request_places(request, pk):
    offer = visible_offer_or_404(request, pk)
    schools = schools_coordinated_by(request.user)
    form = PlacementRequestForm(request.POST or None, schools=schools)
    pupils = PupilFormSet(request.POST or None, prefix="pupils")
    status = 200
    if request.method == "POST":
        if form.is_valid() and pupils.is_valid():
            try:
                placement = services.request_placement(
                    offer,
                    form.cleaned_data["school"],
                    [
                        services.Pupil(row["first_name"], row["class_name"])
                        for row in pupils.cleaned_data
                        if row.get("first_name")
                    ],
                    by=request.user,
                    message=form.cleaned_data["message"],
                )
            except services.SchoolError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your request has been sent to %(association)s.")
                    % {"association": offer.association.name},
                )
                return redirect(placement)
        status = 400
    context = {"offer": offer, "form": form, "pupils": pupils}
    return render(request, "schools/request_places.html", context, status=status)


def _managed_association(request, slug):
    association = associations_administered_by(request.user).filter(slug=slug).first()
    if association is None:
        raise Http404
    return association


@login_required
@require_http_methods(["GET", "POST"])
def create_offer(request, association_slug):
    association = _managed_association(request, association_slug)
    form = OfferForm(request.POST or None)
    saved, offer = run_form_service(
        request,
        form,
        services.create_offer,
        association,
        success=_("The offer is saved as a draft. Publish it when it is ready."),
    )
    if saved:
        return redirect(offer)
    context = {"association": association, "form": form, "offer": None}
    return render_form(request, "schools/offer_form.html", context)


@permission_required_or_404("schools.manage_offer", offer_of)
@require_http_methods(["GET", "POST"])
def edit_offer(request, offer):
    form = OfferForm(request.POST or None, instance=InternshipOffer.objects.get(pk=offer.pk))
    saved, _offer = run_form_service(
        request, form, services.update_offer, offer, success=_("The offer is saved.")
    )
    if saved:
        return redirect(offer)
    context = {"association": offer.association, "form": form, "offer": offer}
    return render_form(request, "schools/offer_form.html", context)


@permission_required_or_404("schools.manage_offer", offer_of)
@require_POST
def change_offer_status(request, offer):
    return change_status(
        request,
        offer,
        services.change_offer_status,
        OfferStatus.values,
        invalid=_("Choose what to do with the offer."),
        changed=_("The offer is now: %(status)s."),
    )


@login_required
@require_safe
def association_offers(request, association_slug):
    """The association admin's overview: its offers and the requests waiting for an answer."""
    association = _managed_association(request, association_slug)
    offers = list(queries.offers_of_associations([association.pk]))
    placements = list(
        queries.with_pupils(Placement.objects.filter(offer__association=association)).order_by(
            "-requested_at", "-pk"
        )
    )
    context = {
        "association": association,
        "offers": offers,
        "placements": placements,
        "Actor": Actor,
        "new_offer_url": reverse("schools:create_offer", args=[association.slug]),
    }
    return render(request, "schools/association_offers.html", context)
