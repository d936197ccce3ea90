"""Wagtail admin screens for associations that go through the services, and the stand list."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from associations import exports, services
from associations.models import AssociationInvitation, AssociationRole, Fair, FairStand
from associations.validators import cleaned_cvr


class AssociationAdminForm(WagtailAdminModelForm):
    mark_verified = forms.BooleanField(
        label=gettext_lazy("Verified by the municipality"),
        required=False,
        help_text=gettext_lazy(
            "Tick when you have checked that the association exists and the contact details "
            "are right. Shown as a badge in the directory."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mark_verified"].initial = self.instance.verified_by_staff

    def clean_cvr(self):
        return cleaned_cvr(self.cleaned_data.get("cvr", ""))


class _SaveVerification:
    def save_instance(self):
        association = super().save_instance()
        wanted = self.form.cleaned_data.get("mark_verified")
        if wanted and not association.verified_by_staff:
            services.verify_association(association, by=self.request.user)
        elif not wanted and association.verified_by_staff:
            services.unverify_association(association, by=self.request.user)
        return association


class AssociationCreateView(_SaveVerification, generic.CreateView):
    pass


class AssociationEditView(_SaveVerification, generic.EditView):
    pass


def stands_csv(request, pk):
    """The stand list of one fair for the organisers (staff with view rights on stands)."""
    if not request.user.has_perm("associations.view_fairstand"):
        raise PermissionDenied
    fair = get_object_or_404(Fair, pk=pk)
    stands = (
        FairStand.objects.filter(fair=fair)
        .select_related("association", "registered_by")
        .order_by("association__name", "pk")
    )
    return exports.stands_csv(fair, stands)


# --- People in associations ---------------------------------------------------------------
# Staff step in when an association has lost its admins. Every change goes through the same
# services as the association's own "People" page, so the rules (one role per person, at least
# one admin, accounts only by the person themselves) hold here too.


class PersonAddForm(WagtailAdminModelForm):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy(
            "Someone with a profile gets the role at once (also a second role). Someone "
            "without one gets an invitation by email, valid for 14 days."
        ),
    )

    class Meta:
        model = AssociationRole
        fields = ["association", "email", "role", "is_admin"]


class PersonEditForm(WagtailAdminModelForm):
    class Meta:
        model = AssociationRole
        fields = ["role", "is_admin"]


def _association_param(request) -> int | None:
    """The association a people list is filtered to (`?association=<pk>`), if any."""
    value = request.GET.get("association", "")
    return int(value) if value.isdigit() else None


class _ThroughServices:
    """Saves by calling the service instead of saving the form. A refusal from the service is
    shown next to `refused_field`, like a validation error; the service logs the change in
    Wagtail's history (core.audit)."""

    refused_field: str

    def run_service(self, data: dict) -> AssociationRole:
        raise NotImplementedError

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.run_service(form.cleaned_data)
        except services.AssociationError as error:
            form.add_error(self.refused_field, str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return self.save_action()


class PersonIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "association")

    def get_add_url(self):
        # Listing one association's people: "Add" adds to that association.
        url = super().get_add_url()
        association = _association_param(self.request)
        if url and association is not None:
            url = f"{url}{'&' if '?' in url else '?'}association={association}"
        return url


class PersonCreateView(_ThroughServices, generic.CreateView):
    refused_field = "email"

    def get_initial(self):
        # From an association's "People" list: that association is already chosen.
        initial = super().get_initial()
        association = _association_param(self.request)
        if association is not None:
            initial["association"] = association
        return initial

    def run_service(self, data):
        return services.add_or_invite_person(
            data["association"],
            data["email"],
            by=self.request.user,
            role=data["role"],
            is_admin=data["is_admin"],
        )

    def save_action(self):
        if isinstance(self.object, AssociationInvitation):
            messages.success(
                self.request,
                gettext(
                    "%(email)s has no profile on Frivilligløft yet. We have sent an "
                    "invitation; the role is theirs when they accept it."
                )
                % {"email": self.object.email},
            )
            return redirect("association_invitations:index")
        return super().save_action()


class PersonEditView(_ThroughServices, generic.EditView):
    refused_field = "is_admin"

    def run_service(self, data):
        return services.change_role(
            AssociationRole.objects.get(pk=self.object.pk),
            by=self.request.user,
            kind=data["role"],
            is_admin=data["is_admin"],
        )


class PersonDeleteView(generic.DeleteView):
    def form_valid(self, form):
        try:
            services.remove_person(self.object, by=self.request.user)
        except services.AssociationError as error:
            messages.error(self.request, str(error))
            return redirect(self.edit_url_name, self.object.pk)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())


class InvitationWithdrawView(generic.DeleteView):
    """ "Delete" withdraws: the row stays (who was invited, by whom, when), the link stops
    working (410)."""

    def form_valid(self, form):
        try:
            services.revoke_invitation(self.object, by=self.request.user)
        except services.AssociationError as error:
            messages.error(self.request, str(error))
            return redirect(self.index_url_name)
        messages.success(
            self.request,
            gettext("The invitation to %(email)s has been withdrawn.")
            % {"email": self.object.email},
        )
        return redirect(self.get_success_url())
