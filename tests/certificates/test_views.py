import io
import zipfile

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.roles import Role
from certificates import services
from certificates.models import Certificate
from courses.models import Course
from tests.certificates.conftest import attend
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(completed):
    # The PDF is made on its first download (as for the demo's certificates): most of these
    # tests never open it, and rendering it was most of their time.
    return services.issue_course_certificate(completed, with_pdf=False)


# --- Downloads ------------------------------------------------------------------------------


def _download_as(client, certificate, who):
    people = {
        "holder": certificate.holder,
        "staff": UserFactory(roles=[Role.COURSE_ADMINISTRATOR]),
        "organiser": UserFactory(),
        "other": UserFactory(),
    }
    Course.organisers.through.objects.create(
        course=certificate.source_signup.course, user=people["organiser"]
    )
    if who != "anonymous":
        client.force_login(people[who])
    return client.get(certificate.get_download_url())


@pytest.mark.usefixtures("needs_pdf")
@pytest.mark.parametrize("who", ["holder", "staff"])
def test_the_holder_and_course_administrators_download_the_pdf(client, certificate, who):
    response = _download_as(client, certificate, who)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["organiser", "other", "anonymous"])
def test_nobody_else_downloads_the_pdf(client, certificate, who):
    assert _download_as(client, certificate, who).status_code == 404


def test_holder_cannot_download_a_revoked_certificate(client, certificate):
    services.revoke_certificate(certificate, reason="Fejl")
    client.force_login(certificate.holder)
    assert client.get(certificate.get_download_url()).status_code == 404


def test_download_renders_a_missing_pdf_on_demand(client, certificate, needs_pdf):
    certificate.pdf.delete(save=True)
    client.force_login(certificate.holder)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.pdf


# --- Public verification --------------------------------------------------------------------


def test_verification_page_shows_name_title_and_valid_but_no_email(client, certificate):
    response = client.get(certificate.get_verification_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Birthe Østergaard" in content
    assert "Bestyrelsesarbejde for begyndere" in content
    assert "Gyldigt" in content
    assert certificate.holder.email not in content
    assert "@" not in content.split("<main", 1)[1].split("</main>", 1)[0]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in content


def test_verification_page_says_revoked(client, certificate):
    services.revoke_certificate(certificate, reason="Hemmelig begrundelse")
    content = client.get(certificate.get_verification_url()).content.decode()
    assert "Tilbagekaldt" in content
    assert "Hemmelig begrundelse" not in content


def test_verification_in_english(client, certificate):
    content = client.get("/en" + certificate.get_verification_url()).content.decode()
    assert "Valid" in content


def test_typed_code_is_forgiven_and_redirected_to_the_canonical_address(client, certificate):
    typed = certificate.display_code.lower().replace("0", "o").replace("-", " ")
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302
    assert response.url == certificate.get_verification_url()

    sloppy = reverse("certificates:verify", kwargs={"code": certificate.code.lower()})
    assert client.get(sloppy).url == certificate.get_verification_url()


def test_unknown_code_is_404(client):
    from certificates import codes

    response = client.get(
        reverse("certificates:verify", kwargs={"code": codes.display(codes.generate())})
    )
    assert response.status_code == 404


def test_invalid_code_in_form_is_a_form_error(client):
    response = client.get(reverse("certificates:verify_form"), {"code": "ABCD-EFGH"})
    assert response.status_code == 400
    assert "ikke en gyldig" in response.content.decode()


@override_settings()
def test_verification_is_rate_limited_per_ip(client, certificate, monkeypatch):
    from certificates.views import public

    monkeypatch.setattr(public, "RATE_LIMIT", (3, 600))
    url = certificate.get_verification_url()
    for _ in range(3):
        assert client.get(url).status_code == 200

    response = client.get(url)
    assert response.status_code == 429
    assert "For mange opslag" in response.content.decode()
    assert response["Retry-After"] == "600"
    # Another address has its own budget.
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_verification_page_query_count(client, certificate, django_assert_num_queries):
    url = certificate.get_verification_url()
    client.get(url)  # warm the site-wide caches (footer, navigation)
    # the certificate, then the site and its root page for the header
    with django_assert_num_queries(3):
        client.get(url)


# --- Mine beviser ---------------------------------------------------------------------------


def test_mine_beviser_lists_own_certificates_only(client, certificate, course):
    other = services.issue_course_certificate(attend(SignupFactory(course=course)), with_pdf=False)
    client.force_login(certificate.holder)

    content = client.get(reverse("certificates:mine")).content.decode()

    assert certificate.get_download_url() in content
    assert other.get_download_url() not in content


def test_mine_beviser_needs_login(client):
    response = client.get(reverse("certificates:mine"))
    assert response.status_code == 302


@pytest.mark.parametrize("count", [1, 3])
def test_mine_beviser_query_count(client, course, count, django_assert_num_queries):
    user = UserFactory()
    for _ in range(count):
        from tests.certificates.conftest import finished_course

        services.issue_course_certificate(
            attend(SignupFactory(course=finished_course(), user=user)), with_pdf=False
        )
    client.force_login(user)
    client.get(reverse("certificates:mine"))
    # session, user, certificates, qualifications, site and root page, the user's
    # permissions (two)
    with django_assert_num_queries(7):
        response = client.get(reverse("certificates:mine"))
    assert response.status_code == 200


def test_transcript_from_mine_beviser(client, completed):
    client.force_login(completed.user)
    response = client.post(reverse("certificates:transcript"), follow=True)
    assert response.status_code == 200
    transcript = Certificate.objects.get(kind="transcript")
    assert transcript.holder == completed.user
    assert transcript.display_code in response.content.decode()


def test_transcript_without_completed_courses_shows_a_message(client, user):
    client.force_login(user)
    response = client.post(reverse("certificates:transcript"), follow=True)
    assert not Certificate.objects.exists()
    assert "ingen endnu" in response.content.decode()


# --- Organiser tools ------------------------------------------------------------------------


@pytest.fixture
def organiser(course):
    person = UserFactory()
    Course.organisers.through.objects.create(course=course, user=person)
    return person


def test_organiser_issues_all(
    client,
    course,
    organiser,
    completed,
    not_completed,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:issue_all", args=[course.slug]))
    page = client.get(response.url)

    assert response.status_code == 302
    assert "1 af 1 udstedt" in page.content.decode()
    assert Certificate.objects.get().holder == completed.user
    assert [m.to for m in mailoutbox] == [[completed.user.email]]


def test_organiser_progress_fragment(client, course, organiser, completed):
    services.start_course_batch(course, by=organiser)
    client.force_login(organiser)
    response = client.get(reverse("certificates:progress", args=[course.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "name", ["organiser", "progress", "zip"], ids=["overview", "progress", "zip"]
)
def test_organiser_pages_are_404_for_others(client, course, user, name):
    client.force_login(user)
    assert client.get(reverse(f"certificates:{name}", args=[course.slug])).status_code == 404


def test_organiser_reissue_and_revoke(client, course, organiser, certificate):
    client.force_login(organiser)
    response = client.post(reverse("certificates:reissue", args=[course.slug, certificate.pk]))
    assert response.status_code == 302

    url = reverse("certificates:revoke", args=[course.slug, certificate.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Forkert navn"})
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Forkert navn"


def test_organiser_cannot_touch_another_courses_certificate(client, organiser, course):
    from tests.certificates.conftest import finished_course

    elsewhere = services.issue_course_certificate(
        attend(SignupFactory(course=finished_course())), with_pdf=False
    )
    client.force_login(organiser)
    url = reverse("certificates:revoke", args=[course.slug, elsewhere.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404


@pytest.mark.usefixtures("needs_pdf")
def test_organiser_downloads_all_as_zip(client, course, organiser, certificate):
    services.issue_course_certificate(attend(SignupFactory(course=course)))
    client.force_login(organiser)

    response = client.get(reverse("certificates:zip", args=[course.slug]))

    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert len(names) == 2
    assert f"Birthe Østergaard {certificate.display_code}.pdf" in names


def test_download_without_weasyprint_is_a_polite_503(client, completed, monkeypatch):
    from certificates import rendering

    def unavailable(html, **kwargs):
        raise rendering.PdfUnavailable("no pango")

    monkeypatch.setattr(rendering, "html_to_pdf", unavailable)
    certificate = services.issue_course_certificate(completed)
    client.force_login(certificate.holder)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 503
    assert "PDF’en kan ikke laves lige nu" in response.content.decode()


def test_progress_polls_while_the_batch_runs_and_stops_when_done(client, course, organiser):
    from certificates.models import BatchStatus, CertificateBatch

    batch = CertificateBatch.objects.create(course=course, total=30, issued=12)
    client.force_login(organiser)
    url = reverse("certificates:progress", args=[course.slug])

    running = client.get(url).content.decode()
    batch.status = BatchStatus.DONE
    batch.save()
    done = client.get(url).content.decode()

    assert "12 af 30 udstedt" in running
    assert 'data-hx-trigger="every 2s"' in running
    assert "data-hx-get" not in done


def test_a_cached_verification_page_shows_a_revocation_at_once(
    client, certificate, settings, django_capture_on_commit_callbacks
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    url = certificate.get_verification_url()
    client.get(url)
    assert "Gyldigt" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the revocation commits
        services.revoke_certificate(certificate, reason="Udstedt ved en fejl")

    response = client.get(url)
    assert "Tilbagekaldt" in response.content.decode()
    assert response["Cache-Control"] == "no-cache"
