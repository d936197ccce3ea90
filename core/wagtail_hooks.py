"""The email outbox in the Wagtail admin: staff see waiting and failed emails and can send one
again. Read only apart from "send again", which goes through core.outbox.resend."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from core import admin_views
from core.admin_viewsets import SafeViewSetMixin, without_views
from core.models import EmailStatus, OutgoingEmail


class OutgoingEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EmailStatus.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Created"), widget=DateRangePickerWidget
    )

    class Meta:
        model = OutgoingEmail
        fields = ["status", "created_at"]


class OutgoingEmailViewSet(SafeViewSetMixin, ModelViewSet):
    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add", "edit", "delete")
    model = OutgoingEmail
    name = "outgoing_emails"
    url_prefix = "emails"
    icon = "mail"
    menu_label = _("Emails")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["subject", "recipients_display", "status", "attempts", "created_at", "sent_at"]
    filterset_class = OutgoingEmailFilterSet
    search_fields = ["subject", "to", "about"]
    search_backend_name = None  # not in the search index: plain database lookups
    add_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["subject"]

    def get_urlpatterns(self):
        # No add, edit or delete: an email is what was sent. "Inspect" shows the email with
        # its tries and the "send again" button, for everyone who may see the list.
        return without_views(
            super().get_urlpatterns(),
            ("add", "edit", "delete", "inspect"),
            path("inspect/<int:pk>/", admin_views.email_detail, name="inspect"),
        )


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutgoingEmailViewSet()
