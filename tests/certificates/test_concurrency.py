"""Issuing under real concurrency, on PostgreSQL: however many organisers press "issue" at
once, each participant gets one certificate, one code and one email."""

import pytest
from django.core import mail

from certificates import services
from certificates.models import Certificate, CertificateBatch, CertificateKind
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import SignupFactory
from tests.courses.test_concurrency import REAL_RACES, race

pytestmark = REAL_RACES


@pytest.fixture(autouse=True)
def _no_pdfs(monkeypatch):
    # The race is about rows and emails; rendering 20 PDFs would only make it slow.
    monkeypatch.setattr(services, "store_pdf", lambda certificate: False)


def test_twenty_simultaneous_issues_make_one_certificate():
    signup = attend(SignupFactory(course=finished_course()))

    results, errors = race(lambda: services.issue_course_certificate(signup).pk for _ in range(20))

    assert errors == []
    assert len(set(results)) == 1
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_simultaneous_issue_all_runs_one_batch():
    course = finished_course()
    for _ in range(5):
        attend(SignupFactory(course=course))

    def issue_all():
        try:
            return services.start_course_batch(course, by=None).pk
        except services.CertificateError:
            return None  # a later press found everyone issued already

    results, errors = race(issue_all for _ in range(8))

    assert errors == []
    assert Certificate.objects.count() == 5
    assert CertificateBatch.objects.count() == 1
    assert {pk for pk in results if pk is not None} == {CertificateBatch.objects.get().pk}
    assert len(mail.outbox) == 5


def test_twenty_simultaneous_transcript_requests_make_one_transcript():
    holder = attend(SignupFactory(course=finished_course())).user

    results, errors = race(
        lambda: services.issue_transcript(holder, with_pdf=False).pk for _ in range(20)
    )

    assert errors == []
    assert len(set(results)) == 1
    assert Certificate.objects.filter(kind=CertificateKind.TRANSCRIPT).count() == 1
