"""The page an invitation link opens: see the network, log in if needed, accept."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.invitations import someone_elses_page
from networks import queries, services
from networks.forms import JoinForm
from networks.services.invitations import (
    InvitationForSomeoneElse,
    find_invitation,
    invitation_owner_check,
    owner_refusal,
)


def _someone_else(request, context, message: str):
    owner = invitation_owner_check(context["invitation"], request.user)
    return someone_elses_page(
        request, "networks/invitation_other_address.html", context, message, owner=owner
    )


@require_http_methods(["GET", "POST"])
def accept(request, token):
    invitation = find_invitation(token)
    if invitation is None:
        return render(request, "networks/invitation_invalid.html", status=404)
    network = invitation.network
    context = {"invitation": invitation, "network": network}
    if not invitation.is_usable:
        return render(request, "networks/invitation_used.html", context, status=410)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect(f"{request.path}")
        return render(request, "networks/invitation.html", context)
    membership = queries.membership_of(request.user, network)
    if membership is not None and membership.is_active:
        messages.info(request, _("You are already a member of %(network)s.") % {"network": network})
        return redirect(network)
    if refusal := owner_refusal(invitation, request.user):
        return _someone_else(request, context, refusal)
    form = JoinForm(request.POST or None, user=request.user)
    context["form"] = form
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "networks/invitation.html", context, status=400)
        try:
            services.accept_invitation(
                token,
                request.user,
                association=form.cleaned_data["association"],
                linked_association_id=form.cleaned_data["linked_association_id"],
                show_name_to_members=form.cleaned_data["show_name_to_members"],
            )
        except InvitationForSomeoneElse as error:
            return _someone_else(request, context, str(error))
        except services.NetworkError as error:
            messages.error(request, str(error))
            return render(request, "networks/invitation_used.html", context, status=410)
        messages.success(request, _("Welcome to %(network)s!") % {"network": network.name})
        return redirect(network)
    return render(request, "networks/invitation.html", context)
