"""Counts of one are singular: the course history's "Beviset til 1 deltager bliver udstedt"
and a credential's evidence "1 time" ("1 hour"), never "1 deltagere" or "1 timer"."""

from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.log_actions import registry

from certificates.credentials import documents
from core.audit import record
from tests.courses.factories import CourseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("da", "Beviset til 1 deltager bliver udstedt", "Beviser til 2 deltagere bliver udstedt"),
        (
            "en",
            "The certificate for 1 participant is being issued",
            "Certificates for 2 participants are being issued",
        ),
    ],
)
def test_the_history_counts_the_participants_of_a_batch(language, one, two):
    course = CourseFactory()
    action = "frivilligloeft.certificates.batch_started"
    for total, shown in ((1, one), (2, two)):
        entry = record(course, action, by=None, data={"batch": total, "total": total})
        with translation.override(language):
            assert str(registry.get_formatter(entry).format_message(entry)) == shown


@pytest.mark.parametrize(
    ("language", "hours", "shown"),
    [("da", 1, "1 time"), ("da", 7.5, "7,5 timer"), ("en", 1, "1 hour"), ("en", 2, "2 hours")],
)
def test_a_credentials_evidence_counts_the_hours(language, hours, shown):
    certificate = SimpleNamespace(snapshot={"courses": [{"title": "Kursus", "hours": hours}]})

    with translation.override(language):
        (evidence,) = documents._evidence(certificate)

    assert evidence["description"] == shown
