import pytest
from django.core import mail

from certificates import services
from certificates.models import BatchStatus, Certificate, CertificateBatch, CertificateKind
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_issue_course_certificate_to_a_completed_participant(
    completed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_course_certificate(completed)

    assert certificate.kind == CertificateKind.COURSE
    assert certificate.holder == completed.user
    assert certificate.holder_name == "Birthe Østergaard"
    assert certificate.source_key == f"signup:{completed.pk}"
    assert certificate.snapshot["title"] == "Bestyrelsesarbejde for begyndere"
    assert certificate.snapshot["hours"] == 6
    assert certificate.snapshot["topics"] == ["Bestyrelsesarbejde"]
    assert certificate.snapshot["price"] == "250.00"
    assert certificate.snapshot["issuer"] == "Kalundborg Kommune"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [completed.user.email]
    assert "/mine-sider/beviser/" in mail.outbox[0].body
    assert certificate.display_code in mail.outbox[0].body


def test_issue_twice_returns_the_first_certificate_and_sends_one_email(completed):
    first = services.issue_course_certificate(completed)
    second = services.issue_course_certificate(completed)
    assert second.pk == first.pk
    assert Certificate.objects.count() == 1


def test_issue_refuses_a_participant_who_did_not_complete(not_completed):
    with pytest.raises(services.CertificateError, match="gennemført kurset"):
        services.issue_course_certificate(not_completed)
    assert not Certificate.objects.exists()


def test_issue_refuses_before_the_course_has_ended():
    signup = SignupFactory(course=CourseFactory())
    with pytest.raises(services.CertificateError, match="slut"):
        services.issue_course_certificate(signup)


def test_issue_refuses_a_course_without_certificates():
    signup = attend(SignupFactory(course=finished_course(issues_certificate=False)))
    with pytest.raises(services.CertificateError, match="udsteder ikke"):
        services.issue_course_certificate(signup)


def test_reissue_keeps_the_code_and_refreshes_the_snapshot(completed):
    certificate = services.issue_course_certificate(completed)
    completed.user.full_name = "Birthe Østergaard Hansen"
    completed.user.save()

    reissued = services.reissue_certificate(certificate)

    assert reissued.code == certificate.code
    assert reissued.holder_name == "Birthe Østergaard Hansen"
    assert reissued.snapshot["holder_name"] == "Birthe Østergaard Hansen"
    assert reissued.reissued_at is not None


def test_revoke_needs_a_reason_and_happens_once(completed):
    certificate = services.issue_course_certificate(completed)
    with pytest.raises(services.CertificateError, match="hvorfor"):
        services.revoke_certificate(certificate, reason="  ")

    services.revoke_certificate(certificate, reason="Fremmøde registreret forkert")
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revocation_reason == "Fremmøde registreret forkert"
    with pytest.raises(services.CertificateError, match="allerede tilbagekaldt"):
        services.revoke_certificate(certificate, reason="igen")
    with pytest.raises(services.CertificateError, match="kan ikke genudstedes"):
        services.reissue_certificate(certificate)


def test_course_batch_issues_to_completed_participants_only(
    course, completed, not_completed, django_capture_on_commit_callbacks
):
    other = attend(SignupFactory(course=course))
    organiser = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        batch = services.start_course_batch(course, by=organiser)

    batch.refresh_from_db()
    assert (batch.status, batch.total, batch.issued, batch.failed) == (BatchStatus.DONE, 2, 2, 0)
    holders = set(Certificate.objects.values_list("holder_id", flat=True))
    assert holders == {completed.user_id, other.user_id}
    assert set(Certificate.objects.values_list("issued_by", flat=True)) == {organiser.pk}


def test_course_batch_refuses_when_everyone_has_a_certificate(course, completed):
    services.issue_course_certificate(completed)
    with pytest.raises(services.CertificateError, match="har fået et bevis"):
        services.start_course_batch(course, by=None)
    assert not CertificateBatch.objects.exists()


def test_transcript_lists_completed_courses_with_its_own_code(completed, not_completed):
    user = completed.user
    attend(SignupFactory(user=user, course=finished_course(title="Frivilligledelse")))
    course_certificate = services.issue_course_certificate(completed)

    transcript = services.issue_transcript(user)

    assert transcript.kind == CertificateKind.TRANSCRIPT
    assert transcript.code != course_certificate.code
    assert sorted(c["title"] for c in transcript.snapshot["courses"]) == [
        "Bestyrelsesarbejde for begyndere",
        "Frivilligledelse",
    ]
    assert transcript.snapshot["hours"] == 12


def test_transcript_refuses_without_completed_courses(not_completed):
    with pytest.raises(services.CertificateError, match="ingen endnu"):
        services.issue_transcript(not_completed.user)


def test_internship_certificate_is_idempotent_and_has_no_holder():
    from datetime import date

    from tests.schools.factories import PlacementFactory

    placement = PlacementFactory()
    arguments = {
        "source_key": "placement:7",
        "holder_name": "Asta",
        "title": "Frivilligpraktik i Kalundborg Roklub",
        "issuer_name": "Kalundborg Roklub",
        "hours": 12,
        "start": date(2026, 3, 2),
        "end": date(2026, 3, 6),
        "description": "Hjalp med ungdomstræningen.",
        "language": "da",
        "by": None,
        "placement": placement,
    }
    first = services.issue_internship_certificate(**arguments)
    second = services.issue_internship_certificate(**arguments)

    assert first.pk == second.pk
    assert first.holder is None
    assert first.snapshot["issuer"] == "Kalundborg Roklub"
    assert first.source_placement == placement


def test_without_weasyprint_the_certificate_is_issued_without_a_pdf(completed, monkeypatch):
    from certificates import rendering

    def unavailable(html, **kwargs):
        raise rendering.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(rendering, "html_to_pdf", unavailable)

    certificate = services.issue_course_certificate(completed)

    assert certificate.pk is not None
    assert not certificate.pdf
    assert services.ensure_pdf(certificate) is False


def test_email_and_certificate_are_in_the_holders_language(
    completed, mailoutbox, django_capture_on_commit_callbacks
):
    completed.user.preferred_language = "en"
    completed.user.save()

    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_course_certificate(completed)

    assert certificate.language == "en"
    assert mailoutbox[0].subject == "Your certificate: Bestyrelsesarbejde for begyndere"
    assert "http://testserver/en/mine-sider/beviser/" in mailoutbox[0].body
