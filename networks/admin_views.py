"""Wagtail admin screens that go through the services: networks with their coordinators,
meetings, and the sparring queue (assign, reply, close)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from accounts.models import User
from networks import queries, services
from networks.models import SparringRequest
from networks.services.meetings import MEETING_FIELDS
from networks.services.sparring import consultants


class NetworkAdminForm(WagtailAdminModelForm):
    coordinators = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Coordinators"),
        queryset=User.objects.filter(is_active=True).order_by("full_name", "email"),
        required=False,
        help_text=gettext_lazy(
            "People who run the network: they approve requests, invite, plan meetings and "
            "write to the members. They become members themselves."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["coordinators"].initial = list(
                queries.coordinators_of(self.instance).values_list("pk", flat=True)
            )


class _SaveNetwork:
    def save_instance(self):
        network = super().save_instance()
        services.set_coordinators(
            network, self.form.cleaned_data["coordinators"], by=self.request.user
        )
        return network


class NetworkCreateView(_SaveNetwork, generic.CreateView):
    pass


class NetworkEditView(_SaveNetwork, generic.EditView):
    pass


class _SaveMeeting:
    """Meetings are planned and changed through the services, so members are emailed and
    calendars see a new sequence, whether a coordinator or a consultant makes the change."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.NetworkError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class MeetingCreateView(_SaveMeeting, generic.CreateView):
    def save_instance(self):
        values = {field: self.form.cleaned_data.get(field) for field in MEETING_FIELDS}
        return services.plan_meeting(
            self.form.cleaned_data["network"], by=self.request.user, **values
        )


class MeetingEditView(_SaveMeeting, generic.EditView):
    def save_instance(self):
        values = {field: self.form.cleaned_data.get(field) for field in MEETING_FIELDS}
        return services.change_meeting(self.object, by=self.request.user, **values)


class AssignForm(forms.Form):
    consultant = forms.ModelChoiceField(
        label=gettext_lazy("Consultant"), queryset=User.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultant"].queryset = consultants()


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Reply to the requester"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("The requester sees the reply in Mine sider and gets it by email."),
    )


def handle_sparring(request, pk):
    """One sparring request in the admin: read it, assign it, reply, close it."""
    if not request.user.has_perm("networks.change_sparringrequest"):
        raise PermissionDenied
    sparring = get_object_or_404(
        SparringRequest.objects.select_related("requester", "topic", "assigned_to"), pk=pk
    )
    assign_form = AssignForm(initial={"consultant": sparring.assigned_to_id or request.user.pk})
    reply_form = ReplyForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "assign":
                assign_form = AssignForm(request.POST)
                if assign_form.is_valid():
                    services.assign_sparring_request(
                        sparring, assign_form.cleaned_data["consultant"], by=request.user
                    )
                    messages.success(request, _("The request has been assigned."))
                    return redirect("sparring_requests:edit", pk=sparring.pk)
            elif action == "reply":
                reply_form = ReplyForm(request.POST)
                if reply_form.is_valid():
                    services.reply_to_sparring_request(
                        sparring, by=request.user, body=reply_form.cleaned_data["body"]
                    )
                    messages.success(request, _("Your reply has been sent to the requester."))
                    return redirect("sparring_requests:edit", pk=sparring.pk)
            elif action == "close":
                services.close_sparring_request(sparring, by=request.user)
                messages.success(request, _("The request is closed."))
                return redirect("sparring_requests:edit", pk=sparring.pk)
            else:
                messages.error(request, _("Unknown action."))
        except services.NetworkError as error:
            messages.error(request, str(error))
        status = 400
    index_url = reverse("sparring_requests:index")
    context = {
        "sparring": sparring,
        "replies": list(sparring.replies.select_related("author")),
        "assign_form": assign_form,
        "reply_form": reply_form,
        "page_title": _("Sparring request"),
        "page_subtitle": sparring.subject,
        "header_title": sparring.subject,
        "header_icon": "help",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": index_url, "label": _("Sparring requests")},
            {"url": "", "label": sparring.subject},
        ],
        "index_url": index_url,
    }
    return TemplateResponse(request, "networks/admin/sparring_handle.html", context, status=status)
