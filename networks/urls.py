from django.urls import path

from networks.views import coordinator, invitations, public, sparring

app_name = "networks"

urlpatterns = [
    path("", public.network_list, name="list"),
    path("sparring/", sparring.request_sparring, name="sparring"),
    path("invitation/<str:token>/", invitations.accept, name="invitation"),
    path("<slug:slug>/", public.network_detail, name="detail"),
    path("<slug:slug>/bliv-medlem/", public.join, name="join"),
    path("<slug:slug>/forlad/", public.leave, name="leave"),
    path("<slug:slug>/mine-oplysninger/", public.membership_details, name="membership"),
    path("<slug:slug>/moeder/<int:meeting_id>/", public.meeting_detail, name="meeting"),
    path("<slug:slug>/moeder/<int:meeting_id>/svar/", public.answer_meeting, name="answer"),
    # Coordinator tools
    path("<slug:slug>/koordinator/", coordinator.overview, name="manage"),
    path(
        "<slug:slug>/koordinator/anmodninger/<int:membership_id>/godkend/",
        coordinator.approve,
        name="approve",
    ),
    path(
        "<slug:slug>/koordinator/anmodninger/<int:membership_id>/afvis/",
        coordinator.decline,
        name="decline",
    ),
    path("<slug:slug>/koordinator/medlemmer/", coordinator.members, name="members"),
    path(
        "<slug:slug>/koordinator/medlemmer/<int:membership_id>/fjern/",
        coordinator.remove_member,
        name="remove_member",
    ),
    path("<slug:slug>/koordinator/medlemmer.csv", coordinator.members_csv, name="members_csv"),
    path("<slug:slug>/koordinator/inviter/", coordinator.invite, name="invite"),
    path(
        "<slug:slug>/koordinator/invitationer/<int:invitation_id>/tilbagekald/",
        coordinator.revoke_invitation,
        name="revoke_invitation",
    ),
    path("<slug:slug>/koordinator/moeder/nyt/", coordinator.plan_meeting, name="plan_meeting"),
    path(
        "<slug:slug>/koordinator/moeder/<int:meeting_id>/ret/",
        coordinator.change_meeting,
        name="change_meeting",
    ),
    path(
        "<slug:slug>/koordinator/moeder/<int:meeting_id>/aflys/",
        coordinator.cancel_meeting,
        name="cancel_meeting",
    ),
    path(
        "<slug:slug>/koordinator/moeder/<int:meeting_id>/referat/",
        coordinator.meeting_notes,
        name="meeting_notes",
    ),
    path(
        "<slug:slug>/koordinator/moeder/<int:meeting_id>/svar/",
        coordinator.meeting_answers,
        name="meeting_answers",
    ),
    path("<slug:slug>/koordinator/besked/", coordinator.message_members, name="message"),
]
