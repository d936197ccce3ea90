"""Schools in the Wagtail admin: one "Skoler" menu with schools, coordinators, internship offers,
placements (read only) and theme weeks.

States are not edited here: publishing, accepting and confirming hours go through
schools.services on the site, so the børneattest rule, the places and the emails always hold.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_viewsets import SafeViewSetMixin, without_views
from core.audit import register_actions
from schools.models import (
    InternshipOffer,
    Placement,
    School,
    SchoolCoordinator,
    ThemeWeek,
    ThemeWeekContribution,
)
from schools.services.offers import OFFER_FIELDS
from schools.services.theme_weeks import THEME_WEEK_FIELDS


def read_only_urlpatterns(viewset, patterns):
    """No add, edit or delete: the admin's "edit" links lead to the inspect view instead."""
    return without_views(
        patterns,
        ("add", "edit", "delete"),
        path(
            # int, like the inspect view it redirects to: any other text could not be
            # reversed there (a 500, found by the fuzz test).
            "edit/<int:pk>/",
            RedirectView.as_view(pattern_name=viewset.get_url_name("inspect")),
            name="edit",
        ),
    )


class SchoolViewSet(SafeViewSetMixin, ModelViewSet):
    model = School
    name = "school_admin"
    url_prefix = "skoler"
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "school_type", "town"]
    list_filter = ["school_type"]
    search_fields = ["name", "town"]
    form_fields = ["name", "slug", "school_type", "address", "postcode", "town", "email"]


class SchoolCoordinatorViewSet(SafeViewSetMixin, ModelViewSet):
    model = SchoolCoordinator
    name = "school_coordinators"
    url_prefix = "skoler/koordinatorer"
    icon = "user"
    menu_label = _("School coordinators")
    list_display = ["user", "school", "created_at"]
    list_filter = ["school"]
    search_fields = ["user__full_name", "user__email", "school__name"]
    form_fields = ["school", "user"]


class InternshipOfferViewSet(SafeViewSetMixin, ModelViewSet):
    model = InternshipOffer
    name = "internship_offers"
    url_prefix = "skoler/praktik"
    icon = "doc-full"
    menu_label = _("Internship offers")
    list_display = ["title", "association", "status", "places", "hours_total", "published_at"]
    list_filter = ["status", "involves_children_under_15"]
    search_fields = ["title", "tasks", "association__name"]
    # Indexed for the site search; the admin searches these fields in the database.
    search_backend_name = None
    add_view_enabled = False
    inspect_view_enabled = True
    # The association's fields but those schools.services guards (børneattest, places); the
    # status is left out too: it changes through the services.
    form_fields = [
        name for name in OFFER_FIELDS if name not in ("places", "involves_children_under_15")
    ]


class PlacementViewSet(SafeViewSetMixin, ModelViewSet):
    """Read only: staff follow placements; the school and the association move them."""

    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add", "delete")
    model = Placement
    name = "placements"
    url_prefix = "skoler/forloeb"
    icon = "list-ul"
    menu_label = _("Placements")
    list_display = ["offer", "school", "state", "pupil_count", "requested_at"]
    list_filter = ["state", "school"]
    search_fields = ["offer__title", "school__name", "offer__association__name"]
    add_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "offer",
        "school",
        "state",
        "pupil_count",
        "message",
        "starts_on",
        "ends_on",
        "hours_confirmed",
        "decision_note",
        "cancellation_reason",
        "requested_at",
        "decided_at",
        "agreed_at",
        "completed_at",
        "evaluated_at",
        "cancelled_at",
    ]
    form_fields = ["offer"]

    def get_urlpatterns(self):
        return read_only_urlpatterns(self, super().get_urlpatterns())


class ThemeWeekViewSet(SafeViewSetMixin, ModelViewSet):
    model = ThemeWeek
    name = "theme_weeks"
    url_prefix = "skoler/temauger"
    icon = "date"
    menu_label = _("Theme weeks")
    list_display = ["theme", "school", "starts_on", "ends_on", "status"]
    list_filter = ["status", "school"]
    search_fields = ["theme", "description"]
    # Indexed for the site search; the admin searches these fields in the database.
    search_backend_name = None
    add_view_enabled = False
    inspect_view_enabled = True
    form_fields = list(THEME_WEEK_FIELDS)


class ThemeWeekContributionViewSet(SafeViewSetMixin, ModelViewSet):
    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add", "delete")
    model = ThemeWeekContribution
    name = "theme_week_contributions"
    url_prefix = "skoler/bidrag"
    icon = "group"
    menu_label = _("Theme-week contributions")
    list_display = ["title", "association", "theme_week", "starts_at", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "association__name"]
    add_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["title"]

    def get_urlpatterns(self):
        return read_only_urlpatterns(self, super().get_urlpatterns())


class SchoolsMenu(ViewSetGroup):
    menu_label = _("Schools")
    menu_icon = "home"
    menu_order = 260
    items = (
        SchoolViewSet,
        SchoolCoordinatorViewSet,
        InternshipOfferViewSet,
        PlacementViewSet,
        ThemeWeekViewSet,
        ThemeWeekContributionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_schools_menu():
    return SchoolsMenu()


@hooks.register("register_log_actions")
def register_school_log_actions(actions):
    """The names `schools.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.schools.status": (_("Change status"), _("Status changed to %(to)s")),
            "frivilligloeft.schools.evaluated": (_("Evaluate"), _("Evaluation submitted")),
        },
    )
