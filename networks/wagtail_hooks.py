"""Networks in the Wagtail admin: networks, meetings and the sparring queue in one menu, and the
sparring queue on the volunteer consultants' dashboard."""

from datetime import timedelta

from django import forms
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import Role
from core.admin_dashboard import DashboardItem, DashboardPanel
from core.admin_viewsets import SafeViewSetMixin, without_views
from core.audit import register_actions
from core.dates import local_date
from networks import admin_views
from networks.filters import NetworkAdminFilterSet
from networks.models import (
    OPEN_SPARRING_STATUSES,
    Network,
    NetworkMeeting,
    SparringRequest,
    SparringStatus,
)
from networks.services.meetings import MEETING_FIELDS


class NetworkViewSet(SafeViewSetMixin, ModelViewSet):
    model = Network
    name = "network_admin"
    url_prefix = "netvaerk"
    icon = "group"
    menu_label = _("Networks")
    add_view_class = admin_views.NetworkCreateView
    edit_view_class = admin_views.NetworkEditView
    list_display = ["name", "join_policy", "audience", "is_listed"]
    # The fields staff filter by, and whether the network has a coordinator now.
    filterset_class = NetworkAdminFilterSet
    search_fields = ["name", "summary"]
    # Database lookups, not the search index: on SQLite the index has no column per field
    # and a search limited to these fields answered 500 ("no such column: name").
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("description"),
            FieldPanel("image"),
            MultiFieldPanel(
                [
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("audience"),
                    FieldPanel("join_policy"),
                    FieldPanel("is_listed"),
                ],
                heading=_("Who and how"),
            ),
            MultiFieldPanel(
                [FieldPanel("coordinators"), FieldPanel("contact_email")],
                heading=_("Coordinators and contact"),
            ),
        ],
        base_form_class=admin_views.NetworkAdminForm,
    )


class NetworkMeetingViewSet(SafeViewSetMixin, ModelViewSet):
    model = NetworkMeeting
    name = "network_meetings"
    url_prefix = "netvaerk/moeder"
    icon = "date"
    menu_label = _("Network meetings")
    add_view_class = admin_views.MeetingCreateView
    edit_view_class = admin_views.MeetingEditView
    list_display = ["title", "network", "starts_at", "status"]
    list_filter = ["network", "status"]
    search_fields = ["title"]
    form_fields = ["network", *MEETING_FIELDS]


class SparringRequestViewSet(SafeViewSetMixin, ModelViewSet):
    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add",)
    model = SparringRequest
    name = "sparring_requests"
    url_prefix = "netvaerk/sparring"
    icon = "help"
    menu_label = _("Sparring requests")
    list_display = ["subject", "requester", "topic", "status", "assigned_to", "created_at"]
    list_filter = ["status", "assigned_to", "topic"]
    search_fields = ["subject", "description"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        # No "add" (requests come from the site) and no generic edit form: staff handle a
        # request through admin_views.handle_sparring, which uses the services.
        return without_views(
            super().get_urlpatterns(),
            ("add", "edit"),
            path("edit/<int:pk>/", admin_views.handle_sparring, name="edit"),
        )


class NetworksMenu(ViewSetGroup):
    menu_label = _("Networks")
    menu_icon = "group"
    menu_order = 250
    items = (NetworkViewSet, NetworkMeetingViewSet, SparringRequestViewSet)


@hooks.register("register_admin_viewset")
def register_networks_menu():
    return NetworksMenu()


# How long a sparring request may wait for an answer before the dashboard flags it.
SPARRING_WAITING_DAYS = 3


class SparringQueuePanel(DashboardPanel):
    """Volunteer consultants: the sparring queue."""

    name = "sparring_queue"
    heading = _("Sparring requests")
    groups = (Role.VOLUNTEER_CONSULTANT,)
    order = 110

    def get_items(self, request):
        waiting = Q(
            status__in=(SparringStatus.NEW, SparringStatus.ASSIGNED),
            created_at__lt=timezone.now() - timedelta(days=SPARRING_WAITING_DAYS),
        )
        counts = SparringRequest.objects.aggregate(
            new=Count("pk", filter=Q(status=SparringStatus.NEW)),
            unassigned=Count(
                "pk", filter=Q(status__in=OPEN_SPARRING_STATUSES, assigned_to__isnull=True)
            ),
            waiting=Count("pk", filter=waiting),
        )
        oldest = SparringRequest.objects.filter(waiting).order_by("created_at", "pk")[:5]
        index = reverse("sparring_requests:index")
        return [
            DashboardItem(_("New sparring requests"), counts["new"], f"{index}?status=new"),
            DashboardItem(_("Not assigned to a consultant"), counts["unassigned"], index),
            DashboardItem(
                ngettext(
                    "Waiting for an answer for more than %(days)d day",
                    "Waiting for an answer for more than %(days)d days",
                    SPARRING_WAITING_DAYS,
                )
                % {"days": SPARRING_WAITING_DAYS},
                counts["waiting"],
                index,
                rows=[
                    (
                        request_.subject,
                        reverse("sparring_requests:edit", args=[request_.pk]),
                        local_date(request_.created_at, "SHORT_DATE_FORMAT"),
                    )
                    for request_ in oldest
                ],
            ),
        ]


@hooks.register("construct_homepage_panels")
def add_sparring_queue_panel(request, panels):
    panels.append(SparringQueuePanel())


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    """The names `networks.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.networks.invited": (_("Invite"), _("Invitations sent")),
            "frivilligloeft.networks.invitation_revoked": (
                _("Withdraw invitation"),
                _("Invitation withdrawn"),
            ),
            "frivilligloeft.networks.member_joined": (_("Join"), _("Member joined")),
            "frivilligloeft.networks.member_approved": (
                _("Approve member"),
                _("Membership approved"),
            ),
            "frivilligloeft.networks.member_declined": (
                _("Decline member"),
                _("Membership request declined"),
            ),
            "frivilligloeft.networks.member_left": (_("Leave"), _("Member left")),
            "frivilligloeft.networks.member_removed": (_("Remove member"), _("Member removed")),
            "frivilligloeft.networks.coordinators_set": (
                _("Set coordinators"),
                _("Coordinators changed"),
            ),
            "frivilligloeft.networks.members_messaged": (
                _("Message members"),
                _("Message sent to members"),
            ),
            "frivilligloeft.networks.meeting_cancelled": (
                _("Cancel network meeting"),
                _("Meeting cancelled"),
            ),
            "frivilligloeft.networks.meeting_notes": (_("Save notes"), _("Meeting notes saved")),
            "frivilligloeft.networks.rsvp": (_("Answer"), _("A member answered: %(answer)s")),
            "frivilligloeft.networks.member_details": (
                _("Change membership details"),
                _("A member changed their details"),
            ),
            "frivilligloeft.networks.sparring_assigned": (
                _("Assign request"),
                _("Sparring request assigned"),
            ),
            "frivilligloeft.networks.sparring_replied": (_("Reply"), _("Consultant replied")),
            "frivilligloeft.networks.sparring_followed_up": (
                _("Follow up"),
                _("Requester wrote back"),
            ),
            "frivilligloeft.networks.sparring_closed": (
                _("Close request"),
                _("Sparring request closed"),
            ),
        },
    )
