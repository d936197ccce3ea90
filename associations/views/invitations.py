"""The page an invitation link opens: see the association and the role, log in or sign up
if needed, accept. Unknown link 404, used/withdrawn/expired 410, another address 403."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.invitations import address_owner_check, someone_elses_page
from associations import services


def _someone_else(request, context, message: str):
    owner = address_owner_check(context["invitation"].email, request.user)
    return someone_elses_page(
        request, "associations/invitation_other_address.html", context, message, owner=owner
    )


@require_http_methods(["GET", "POST"])
def accept(request, token):
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(request, "associations/invitation_invalid.html", status=404)
    context = {"invitation": invitation, "association": invitation.association}
    if not invitation.is_usable:
        return render(request, "associations/invitation_used.html", context, status=410)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect(request.path)
        return render(request, "associations/invitation.html", context)
    if refusal := services.invitation_refusal(invitation, request.user):
        return _someone_else(request, context, refusal)
    if request.method == "POST":
        try:
            role = services.accept_invitation(token, request.user)
        except services.InvitationForSomeoneElse as error:
            return _someone_else(request, context, str(error))
        except services.AssociationError as error:
            messages.error(request, str(error))
            return render(request, "associations/invitation_used.html", context, status=410)
        messages.success(
            request,
            _("Welcome to %(association)s. You now have the role %(role)s.")
            % {"association": role.association.name, "role": role.get_role_display().lower()},
        )
        return redirect(reverse("my_associations:index"))
    return render(request, "associations/invitation.html", context)
