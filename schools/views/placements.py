"""A placement's page, seen by the school and the association, and their moves on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from schools import services
from schools.forms import AgreeForm, CancelForm, EvaluationForm, HoursForm, NoteForm
from schools.models import EvaluationSide, PlacementState
from schools.rules import Actor
from schools.views.common import placement_or_404

SUCCESS = {
    "accept": gettext_lazy("The request is accepted. The school has been told."),
    "decline": gettext_lazy("The request is declined. The school has been told."),
    "agree": gettext_lazy("The internship is agreed."),
    "hours": gettext_lazy("The hours are confirmed. Thank you!"),
    "cancel": gettext_lazy("The internship is cancelled. The other side has been told."),
}


def _evaluation_sides(placement, actors) -> list[str]:
    """The sides the visitor may still evaluate for."""
    if placement.state not in (PlacementState.COMPLETED, PlacementState.EVALUATED):
        return []
    done = {evaluation.side for evaluation in placement.evaluations.all()}
    sides = []
    if Actor.SCHOOL in actors and EvaluationSide.SCHOOL not in done:
        sides.append(EvaluationSide.SCHOOL)
    if Actor.ASSOCIATION in actors and EvaluationSide.ASSOCIATION not in done:
        sides.append(EvaluationSide.ASSOCIATION)
    return sides


def _context(placement, actors, **forms) -> dict:
    moves = services.allowed_moves(placement, actors)
    sides = _evaluation_sides(placement, actors)
    return {
        "placement": placement,
        "offer": placement.offer,
        "pupils": list(placement.pupils.all()),
        "evaluations": list(placement.evaluations.all()),
        "moves": moves,
        "is_school": Actor.SCHOOL in actors,
        "is_association": Actor.ASSOCIATION in actors,
        "note_form": forms.get("note_form") or NoteForm(),
        "agree_form": forms.get("agree_form")
        or AgreeForm(
            initial={"starts_on": placement.offer.starts_on, "ends_on": placement.offer.ends_on}
        ),
        "hours_form": forms.get("hours_form")
        or HoursForm(initial={"hours": placement.offer.hours_total}),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
        "evaluation_side": sides[0] if sides else None,
        "evaluation_form": forms.get("evaluation_form") or EvaluationForm(),
        "PlacementState": PlacementState,
    }


@login_required
@require_safe
def placement_detail(request, pk):
    placement, actors = placement_or_404(request, pk)
    return render(request, "schools/placement.html", _context(placement, actors))


@login_required
@require_POST
def placement_action(request, pk, action):
    placement, actors = placement_or_404(request, pk)
    forms = {}
    try:
        if action == "accept":
            form = forms["note_form"] = NoteForm(request.POST)
            if form.is_valid():
                services.accept_placement(
                    placement, by=request.user, note=form.cleaned_data["note"]
                )
        elif action == "decline":
            form = forms["note_form"] = NoteForm(request.POST)
            if form.is_valid():
                services.decline_placement(
                    placement, by=request.user, note=form.cleaned_data["note"]
                )
        elif action == "agree":
            form = forms["agree_form"] = AgreeForm(request.POST)
            if form.is_valid():
                services.agree_placement(placement, by=request.user, **form.cleaned_data)
        elif action == "hours":
            form = forms["hours_form"] = HoursForm(request.POST)
            if form.is_valid():
                services.confirm_hours(placement, by=request.user, hours=form.cleaned_data["hours"])
        elif action == "cancel":
            form = forms["cancel_form"] = CancelForm(request.POST)
            if form.is_valid():
                services.cancel_placement(
                    placement, by=request.user, reason=form.cleaned_data["reason"]
                )
        elif action == "evaluate":
            form = forms["evaluation_form"] = EvaluationForm(request.POST)
            sides = _evaluation_sides(placement, actors)
            if form.is_valid():
                if not sides:
                    raise services.SchoolError(
                        _("There is no evaluation for you to answer on this placement.")
                    )
                services.submit_evaluation(
                    placement, by=request.user, side=sides[0], **form.cleaned_data
                )
                messages.success(request, _("Thank you for your evaluation."))
                return redirect(placement)
        else:
            messages.error(request, _("Unknown action."))
            return redirect(placement)
    except services.SchoolError as error:
        messages.error(request, str(error))
        return redirect(placement)
    if not form.is_valid():
        placement, actors = placement_or_404(request, pk)
        return render(
            request, "schools/placement.html", _context(placement, actors, **forms), status=400
        )
    messages.success(request, SUCCESS[action])
    return redirect(placement)
