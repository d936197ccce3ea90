from django.urls import path

from courses.views import checkin, evaluations, mine, organiser, public, wishes

app_name = "courses"

urlpatterns = [
    path("kurser/", public.catalogue, name="catalogue"),
    # Before kurser/<slug>/: these words are not course slugs (CourseAdminForm refuses them).
    path("kurser/oensker/", wishes.wish_list, name="wishes"),
    path("kurser/oensker/nyt/", wishes.propose, name="propose_wish"),
    path("kurser/oensker/<int:pk>/stoet/", wishes.support, name="support_wish"),
    path("kurser/oensker/<int:pk>/fortryd/", wishes.withdraw, name="withdraw_wish_support"),
    path("kurser/evaluering/<str:token>/", evaluations.answer_by_link, name="evaluation"),
    path("kurser/tjek-ind/<str:token>/", checkin.by_code, name="checkin"),
    path("kurser/<slug:slug>/", public.detail, name="detail"),
    path("kurser/<slug:slug>/tilmeld/", public.signup, name="signup"),
    path("kurser/<slug:slug>/afmeld/", public.cancel, name="cancel"),
    path("kurser/<slug:slug>/fortryd-afmelding/", public.undo_cancel, name="undo_cancel"),
    path("kurser/<slug:slug>/tilbud/accepter/", public.accept_offer, name="accept_offer"),
    path("kurser/<slug:slug>/tilbud/afslaa/", public.decline_offer, name="decline_offer"),
    path("kurser/<slug:slug>/min-tilmelding/", public.edit_signup, name="edit_signup"),
    path("kurser/<slug:slug>/kalender.ics", public.calendar_file, name="ics"),
    path("kurser/<slug:slug>/evaluering/", evaluations.answer_logged_in, name="evaluate"),
    path("kurser/<slug:slug>/arrangoer/", organiser.overview, name="organiser"),
    path("kurser/<slug:slug>/arrangoer/deltagere.csv", organiser.export_csv, name="export_csv"),
    path("kurser/<slug:slug>/arrangoer/deltagere.xlsx", organiser.export_xlsx, name="export_xlsx"),
    path(
        "kurser/<slug:slug>/arrangoer/fakturering.csv",
        organiser.invoices_csv,
        name="invoices_csv",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/fakturering.xlsx",
        organiser.invoices_xlsx,
        name="invoices_xlsx",
    ),
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
    path(
        "kurser/<slug:slug>/arrangoer/tilfoej-deltager/",
        organiser.add_participant,
        name="add_participant",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tilmeldinger/<int:signup_id>/giv-plads/",
        organiser.give_seat,
        name="give_seat",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/fremmoede/<int:meeting_id>/alle/",
        organiser.mark_all_present,
        name="mark_all_present",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tjek-ind/<int:meeting_id>/",
        checkin.meeting_list,
        name="checkin_list",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/tjek-ind/<int:meeting_id>/<int:signup_id>/",
        checkin.check_in_person,
        name="check_in_person",
    ),
    path("kurser/<slug:slug>/arrangoer/skriv/", organiser.message, name="message"),
    path("kurser/<slug:slug>/arrangoer/beskeder/", organiser.message_log, name="message_log"),
    path(
        "kurser/<slug:slug>/arrangoer/evaluering/",
        evaluations.results,
        name="evaluation_results",
    ),
    path("kurser/<slug:slug>/arrangoer/kopier/", organiser.duplicate, name="duplicate"),
    path("mine-sider/kurser/", mine.my_courses, name="mine"),
]
