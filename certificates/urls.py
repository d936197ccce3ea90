from django.urls import path

from certificates.views import mine, organiser, public

app_name = "certificates"

urlpatterns = [
    path("bevis/", public.verify_form, name="verify_form"),
    path("bevis/<str:code>/", public.verify, name="verify"),
    path("mine-sider/beviser/", mine.my_certificates, name="mine"),
    path("mine-sider/beviser/kompetencebevis/", mine.create_transcript, name="transcript"),
    path("mine-sider/beviser/<int:pk>/pdf/", mine.download, name="download"),
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
