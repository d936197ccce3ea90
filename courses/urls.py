from django.urls import path

from courses.views import mine, organiser, public

app_name = "courses"

urlpatterns = [
    path("kurser/", public.catalogue, name="catalogue"),
    path("kurser/<slug:slug>/", public.detail, name="detail"),
    path("kurser/<slug:slug>/tilmeld/", public.signup, name="signup"),
    path("kurser/<slug:slug>/afmeld/", public.cancel, name="cancel"),
    path("kurser/<slug:slug>/tilbud/accepter/", public.accept_offer, name="accept_offer"),
    path("kurser/<slug:slug>/tilbud/afslaa/", public.decline_offer, name="decline_offer"),
    path("kurser/<slug:slug>/min-tilmelding/", public.edit_signup, name="edit_signup"),
    path("kurser/<slug:slug>/kalender.ics", public.calendar_file, name="ics"),
    path("kurser/<slug:slug>/arrangoer/", organiser.overview, name="organiser"),
    path("kurser/<slug:slug>/arrangoer/deltagere.csv", organiser.export_csv, name="export_csv"),
    path("kurser/<slug:slug>/arrangoer/deltagere.xlsx", organiser.export_xlsx, name="export_xlsx"),
    path(
        "kurser/<slug:slug>/arrangoer/fremmoedeliste/",
        organiser.attendance_sheet,
        name="attendance_sheet",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/fremmoede/<int:meeting_id>/",
        organiser.mark_attendance,
        name="attendance",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/kursusgange/<int:meeting_id>/aflys/",
        organiser.cancel_meeting,
        name="cancel_meeting",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tilmeldinger/<int:signup_id>/godkend/",
        organiser.approve,
        name="approve",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tilmeldinger/<int:signup_id>/afvis/",
        organiser.decline,
        name="decline",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tilmeldinger/<int:signup_id>/afmeld/",
        organiser.cancel_participant,
        name="cancel_participant",
    ),
    path("kurser/<slug:slug>/arrangoer/skriv/", organiser.message, name="message"),
    path("kurser/<slug:slug>/arrangoer/kopier/", organiser.duplicate, name="duplicate"),
    path("mine-sider/kurser/", mine.my_courses, name="mine"),
]
