"""Networks in the Wagtail admin: networks, meetings and the sparring queue in one menu."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from networks import admin_views
from networks.models import Network, NetworkMeeting, SparringRequest


class NetworkViewSet(ModelViewSet):
    model = Network
    name = "network_admin"
    url_prefix = "netvaerk"
    icon = "group"
    menu_label = _("Networks")
    add_view_class = admin_views.NetworkCreateView
    edit_view_class = admin_views.NetworkEditView
    list_display = ["name", "join_policy", "audience", "is_listed"]
    list_filter = ["join_policy", "audience", "is_listed", "topics"]
    search_fields = ["name", "summary"]
    copy_view_enabled = False
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


class NetworkMeetingViewSet(ModelViewSet):
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
    copy_view_enabled = False
    form_fields = [
        "network",
        "title",
        "starts_at",
        "ends_at",
        "place_name",
        "place_address",
        "online_link",
        "agenda",
        "capacity",
    ]


class SparringRequestViewSet(ModelViewSet):
    model = SparringRequest
    name = "sparring_requests"
    url_prefix = "netvaerk/sparring"
    icon = "help"
    menu_label = _("Sparring requests")
    list_display = ["subject", "requester", "topic", "status", "assigned_to", "created_at"]
    list_filter = ["status", "assigned_to", "topic"]
    search_fields = ["subject", "description"]
    copy_view_enabled = False
    form_fields = ["status"]

    def get_urlpatterns(self):
        # No "add" (requests come from the site) and no generic edit form: staff handle a
        # request through admin_views.handle_sparring, which uses the services.
        patterns = [p for p in super().get_urlpatterns() if p.name not in ("add", "edit")]
        return [*patterns, path("edit/<int:pk>/", admin_views.handle_sparring, name="edit")]


class NetworksMenu(ViewSetGroup):
    menu_label = _("Networks")
    menu_icon = "group"
    menu_order = 250
    items = (NetworkViewSet, NetworkMeetingViewSet, SparringRequestViewSet)


@hooks.register("register_admin_viewset")
def register_networks_menu():
    return NetworksMenu()
