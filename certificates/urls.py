from django.urls import path

from certificates.views import credentials, mine, organiser, public

app_name = "certificates"

urlpatterns = [
    path("bevis/", public.verify_form, name="verify_form"),
    # Open Badges (certificates.credentials): before <code>, which would match "verificer".
    path("bevis/verificer/", credentials.verify, name="verify_credential"),
    path("bevis/open-badges/udsteder.json", credentials.issuer_profile, name="issuer_profile"),
    path(
        "bevis/open-badges/kursus/<int:pk>.json",
        credentials.achievement_course,
        name="achievement_course",
    ),
    path(
        "bevis/open-badges/praktik/<int:pk>.json",
        credentials.achievement_offer,
        name="achievement_offer",
    ),
    path(
        "bevis/open-badges/kompetencebevis.json",
        credentials.achievement_transcript,
        name="achievement_transcript",
    ),
    path("bevis/open-badges/status/<int:number>.json", credentials.status_list, name="status_list"),
    path("bevis/<str:code>/", public.verify, name="verify"),
    path("bevis/<str:code>/credential.json", credentials.credential, name="credential"),
    path("mine-sider/beviser/", mine.my_certificates, name="mine"),
    path("mine-sider/beviser/kompetencebevis/", mine.create_transcript, name="transcript"),
    path("mine-sider/beviser/<int:pk>/pdf/", mine.download, name="download"),
    path("mine-sider/beviser/<int:pk>/open-badge.json", credentials.open_badge, name="open_badge"),
    path("kurser/<slug:slug>/arrangoer/beviser/", organiser.overview, name="organiser"),
    path("kurser/<slug:slug>/arrangoer/beviser/status/", organiser.progress, name="progress"),
    path("kurser/<slug:slug>/arrangoer/beviser/udsted/", organiser.issue_all, name="issue_all"),
    path("kurser/<slug:slug>/arrangoer/beviser/beviser.zip", organiser.download_zip, name="zip"),
    path(
        "kurser/<slug:slug>/arrangoer/beviser/deltager/<int:pk>/udsted/",
        organiser.issue_one,
        name="issue_one",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/beviser/<int:pk>/genudsted/",
        organiser.reissue,
        name="reissue",
    ),
    path(
        "kurser/<slug:slug>/arrangoer/beviser/<int:pk>/tilbagekald/",
        organiser.revoke,
        name="revoke",
    ),
]
