"""Associations in the Wagtail admin: associations, categories, volunteer fairs with stands."""

from django import forms
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from associations import admin_views
from associations.models import Association, AssociationRole, Category, Fair, FairStand


def _people_link(association):
    return format_html(
        '<a href="{}?association={}">{}</a>',
        reverse("association_people:index"),
        association.pk,
        _("People"),
    )


class AssociationViewSet(ModelViewSet):
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
    list_filter = ["is_public", "verified_by_staff", "categories", "town"]
    search_fields = ["name", "town", "cvr"]
    copy_view_enabled = False
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


class CategoryViewSet(ModelViewSet):
    model = Category
    name = "association_categories"
    url_prefix = "foreninger/kategorier"
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "name_en", "slug"]
    form_fields = ["name", "name_en", "slug"]
    copy_view_enabled = False


def _stand_list_link(fair):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("fairs:stands_csv", kwargs={"pk": fair.pk}),
        _("Stand list (CSV)"),
    )


class FairViewSet(ModelViewSet):
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
    copy_view_enabled = False
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


class FairStandViewSet(ModelViewSet):
    model = FairStand
    name = "fair_stands"
    url_prefix = "frivilligmesser/stande"
    icon = "list-ul"
    menu_label = _("Stands")
    list_display = ["association", "fair", "registered_at"]
    list_filter = ["fair"]
    search_fields = ["association__name", "offer"]
    form_fields = ["fair", "association", "offer", "volunteers_sought"]
    copy_view_enabled = False
    list_export = ["association", "fair", "offer", "volunteers_sought", "registered_at"]


class PersonViewSet(ModelViewSet):
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
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return admin_views.PersonEditForm if for_update else admin_views.PersonAddForm


class AssociationsMenu(ViewSetGroup):
    menu_label = _("Associations")
    menu_icon = "group"
    menu_order = 260
    items = (AssociationViewSet, PersonViewSet, CategoryViewSet, FairViewSet, FairStandViewSet)


@hooks.register("register_admin_viewset")
def register_associations_menu():
    return AssociationsMenu()
