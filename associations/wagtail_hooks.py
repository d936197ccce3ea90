"""Associations in the Wagtail admin: associations, categories, volunteer fairs with stands, and
what needs a volunteer consultant's attention on the dashboard."""

from django import forms
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.roles import Role
from associations import admin_views, queries
from associations.filters import AssociationAdminFilterSet
from associations.models import (
    Association,
    AssociationInvitation,
    AssociationRole,
    Category,
    Fair,
    FairStand,
)
from core.admin_dashboard import DashboardItem, DashboardPanel
from core.admin_viewsets import SafeViewSetMixin, without_views
from core.audit import register_actions


def _people_link(association):
    return format_html(
        '<a href="{}?association={}">{}</a>',
        reverse("association_people:index"),
        association.pk,
        _("People"),
    )


class AssociationViewSet(SafeViewSetMixin, ModelViewSet):
    model = Association
    name = "association_admin"
    url_prefix = "foreninger"
    icon = "group"
    menu_label = _("Associations")
    add_view_class = admin_views.AssociationCreateView
    edit_view_class = admin_views.AssociationEditView
    list_display = [
        "name",
        "town",
        BooleanColumn("is_public", label=_("Public"), sort_key="is_public"),
        BooleanColumn("verified_by_staff", label=_("Verified"), sort_key="verified_by_staff"),
        "created_at",
        Column("people", label=_("People"), accessor=_people_link),
    ]
    # The fields staff filter by, and whether the association has an admin now.
    filterset_class = AssociationAdminFilterSet
    search_fields = ["name", "town", "cvr"]
    # Database lookups, not the search index: the index holds neither the town nor the CVR
    # number (a search answered 500), and staff look associations up by a part of either.
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("description"),
            FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            FieldPanel("logo"),
            MultiFieldPanel(
                [
                    FieldPanel("town"),
                    FieldPanel("address"),
                    FieldPanel("cvr"),
                    FieldPanel("website"),
                    FieldPanel("email"),
                    FieldPanel("phone"),
                ],
                heading=_("Contact"),
            ),
            MultiFieldPanel(
                [FieldPanel("is_public"), FieldPanel("mark_verified")],
                heading=_("Visibility and verification"),
            ),
        ],
        base_form_class=admin_views.AssociationAdminForm,
    )


class CategoryViewSet(SafeViewSetMixin, ModelViewSet):
    model = Category
    name = "association_categories"
    url_prefix = "foreninger/kategorier"
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "name_en", "slug"]
    form_fields = ["name", "name_en", "slug"]


def _stand_list_link(fair):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("fairs:stands_csv", kwargs={"pk": fair.pk}),
        _("Stand list (CSV)"),
    )


class FairViewSet(SafeViewSetMixin, ModelViewSet):
    model = Fair
    name = "fairs"
    url_prefix = "frivilligmesser"
    icon = "date"
    menu_label = _("Volunteer fairs")
    list_display = [
        "title",
        "date",
        "place",
        "registration_deadline",
        "is_published",
        Column("stands", label=_("Stands"), accessor=_stand_list_link),
    ]
    list_filter = ["is_published"]
    search_fields = ["title", "place"]
    form_fields = [
        "title",
        "slug",
        "date",
        "starts_at",
        "ends_at",
        "place",
        "address",
        "registration_deadline",
        "description",
        "is_published",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/stande.csv", admin_views.stands_csv, name="stands_csv"),
        ]


class FairStandViewSet(SafeViewSetMixin, ModelViewSet):
    model = FairStand
    name = "fair_stands"
    url_prefix = "frivilligmesser/stande"
    icon = "list-ul"
    menu_label = _("Stands")
    list_display = ["association", "fair", "registered_at"]
    list_filter = ["fair"]
    search_fields = ["association__name", "offer"]
    form_fields = ["fair", "association", "offer", "volunteers_sought"]
    list_export = ["association", "fair", "offer", "volunteers_sought", "registered_at"]


class PersonViewSet(SafeViewSetMixin, ModelViewSet):
    """The people of every association, for staff who step in when an association has no admin."""

    model = AssociationRole
    name = "association_people"
    url_prefix = "foreninger/personer"
    icon = "user"
    menu_label = _("People")
    index_view_class = admin_views.PersonIndexView
    add_view_class = admin_views.PersonCreateView
    edit_view_class = admin_views.PersonEditView
    delete_view_class = admin_views.PersonDeleteView
    list_display = [
        "user",
        Column("email", label=_("Email"), accessor="user.email"),
        "association",
        "role",
        BooleanColumn("is_admin", label=_("Admin"), sort_key="is_admin"),
    ]
    list_filter = ["is_admin", "role", "association"]
    search_fields = ["user__full_name", "user__email", "association__name"]
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return admin_views.PersonEditForm if for_update else admin_views.PersonAddForm


class InvitationViewSet(SafeViewSetMixin, ModelViewSet):
    """Invitations sent to people without a profile (from People › Add): see and withdraw."""

    model = AssociationInvitation
    name = "association_invitations"
    url_prefix = "foreninger/invitationer"
    icon = "mail"
    menu_label = _("Invitations")
    # Left out of get_urlpatterns below: nothing may link to them.
    missing_views = ("add", "edit")
    add_view_enabled = False
    inspect_view_enabled = False
    delete_view_class = admin_views.InvitationWithdrawView
    form_fields = ["email"]
    list_display = [
        "email",
        "association",
        "role",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "created_at",
        "expires_at",
    ]
    list_filter = ["association"]
    search_fields = ["email", "association__name"]

    def get_urlpatterns(self):
        # Invitations are sent from People › Add (through the services), never edited.
        return without_views(super().get_urlpatterns(), ("add", "edit"))


class AssociationsMenu(ViewSetGroup):
    menu_label = _("Associations")
    menu_icon = "group"
    menu_order = 260
    items = (
        AssociationViewSet,
        PersonViewSet,
        InvitationViewSet,
        CategoryViewSet,
        FairViewSet,
        FairStandViewSet,
    )


@hooks.register("register_admin_viewset")
def register_associations_menu():
    return AssociationsMenu()


class AssociationsPanel(DashboardPanel):
    """Volunteer consultants: associations that need a hand from the municipality."""

    name = "associations_work"
    heading = _("Associations")
    groups = (Role.VOLUNTEER_CONSULTANT,)
    order = 120

    def get_items(self, request):
        # The conditions of the association list's filters, which "Open" leads to.
        lapsing = queries.declaration_lapses_at_new_year()
        unverified = Q(verified_by_staff=False)
        without_admin = ~Q(queries.has_admin())
        counts = Association.objects.aggregate(
            without_admin=Count("pk", filter=without_admin),
            lapsing=Count("pk", filter=lapsing),
            unverified=Count("pk", filter=unverified),
        )

        def rows(condition, url):
            listed = Association.objects.filter(condition).order_by("-created_at", "pk")[:5]
            return [(a.name, url(a), a.town) for a in listed]

        def edit(association):
            return reverse("association_admin:edit", args=[association.pk])

        def people(association):
            return f"{reverse('association_people:index')}?association={association.pk}"

        index = reverse("association_admin:index")
        return [
            DashboardItem(
                _("Associations without an admin"),
                counts["without_admin"],
                f"{index}?has_admin=false",
                rows=rows(without_admin, people),
            ),
            DashboardItem(
                _("Child-record declarations that lapse at New Year"),
                counts["lapsing"],
                f"{index}?declaration_lapses=true",
                rows=rows(lapsing, edit),
            ),
            DashboardItem(
                _("New associations to verify"),
                counts["unverified"],
                f"{index}?verified_by_staff=false",
                rows=rows(unverified, edit),
            ),
        ]


@hooks.register("construct_homepage_panels")
def add_associations_panel(request, panels):
    panels.append(AssociationsPanel())


@hooks.register("register_log_actions")
def register_association_log_actions(actions):
    """The names `associations.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.associations.verified": (_("Verify"), _("Verified by staff")),
            "frivilligloeft.associations.unverified": (
                _("Withdraw verification"),
                _("Verification withdrawn"),
            ),
            "frivilligloeft.associations.invitation_accepted": (
                _("Accept invitation"),
                _("Invitation accepted"),
            ),
            "frivilligloeft.associations.invitation_revoked": (
                _("Withdraw invitation"),
                _("Invitation withdrawn"),
            ),
            "frivilligloeft.associations.child_records_declared": (
                _("Declare child-record checks"),
                _("Child-record checks declared for %(year)s"),
            ),
            "frivilligloeft.associations.competence_need_added": (
                _("Add competence need"),
                _("Competence need added: %(topic)s"),
            ),
            "frivilligloeft.associations.competence_need_removed": (
                _("Remove competence need"),
                _("Competence need removed: %(topic)s"),
            ),
        },
    )
