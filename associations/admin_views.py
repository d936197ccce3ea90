"""Wagtail admin screens for associations that go through the services, and the stand list."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from associations import exports, services
from associations.models import Fair, FairStand
from associations.validators import normalise_cvr, validate_cvr


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
        value = self.cleaned_data.get("cvr", "")
        if not value:
            return ""
        value = normalise_cvr(value)
        validate_cvr(value)
        return value


class _SaveVerification:
    def save_instance(self):
        association = super().save_instance()
        wanted = self.form.cleaned_data.get("mark_verified")
        if wanted and not association.verified_by_staff:
            services.verify_association(self.request.user, association)
        elif not wanted and association.verified_by_staff:
            services.unverify_association(self.request.user, association)
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
