"""Mine sider → Mine foreninger, mounted at /mine-sider/foreninger/."""

from django.urls import path

from associations.views import manage

app_name = "my_associations"

urlpatterns = [
    path("", manage.index, name="index"),
    path("ny/", manage.create, name="create"),
    path("roller/<int:role_id>/samtykke/", manage.set_consent, name="consent"),
    path("<slug:slug>/", manage.overview, name="overview"),
    path("<slug:slug>/rediger/", manage.edit, name="edit"),
    path("<slug:slug>/personer/", manage.people, name="people"),
    path("<slug:slug>/personer/<int:role_id>/", manage.change_role, name="change_role"),
    path("<slug:slug>/personer/<int:role_id>/fjern/", manage.remove_person, name="remove_person"),
    path(
        "<slug:slug>/invitationer/<int:invitation_id>/tilbagekald/",
        manage.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<slug:slug>/lokaliteter/ny/", manage.venue_form, name="add_venue"),
    path("<slug:slug>/lokaliteter/<int:venue_id>/", manage.venue_form, name="venue"),
    path("<slug:slug>/lokaliteter/<int:venue_id>/slet/", manage.delete_venue, name="delete_venue"),
    path("<slug:slug>/aktiviteter/ny/", manage.activity_form, name="add_activity"),
    path("<slug:slug>/aktiviteter/<int:activity_id>/", manage.activity_form, name="activity"),
    path(
        "<slug:slug>/aktiviteter/<int:activity_id>/slet/",
        manage.delete_activity,
        name="delete_activity",
    ),
    path("<slug:slug>/boerneattester/", manage.declare, name="declare"),
    path("<slug:slug>/kompetencer/", manage.competences, name="competences"),
    path("<slug:slug>/kompetencer/<int:need_id>/fjern/", manage.remove_need, name="remove_need"),
    path("<slug:slug>/frivilligmesse/<slug:fair_slug>/", manage.stand, name="stand"),
]
