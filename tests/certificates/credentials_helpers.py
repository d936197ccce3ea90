"""Shared set-up for the Open Badges credential tests."""

import copy
import json
from datetime import timedelta

from django.utils import timezone

from certificates import services
from certificates.credentials import keys
from certificates.models import Certificate
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import SignupFactory
from tests.schools.factories import OfferFactory, PlacementFactory, SchoolFactory


def new_key_pem() -> str:
    return keys.generate_pem().decode("ascii")


def issue_course_certificate(**user) -> Certificate:
    course = finished_course(
        title="Bestyrelsesarbejde for begyndere", summary="Roller, møder og regnskab."
    )
    user.setdefault("full_name", "Birthe Østergaard")
    signup = attend(SignupFactory(course=course, **{f"user__{k}": v for k, v in user.items()}))
    return services.issue_course_certificate(signup, notify=False, with_pdf=False)


def issue_internship_certificate() -> Certificate:
    offer = OfferFactory(title="Hjælper i klubhuset", tasks="Kaffe, kage og kampdage.")
    placement = PlacementFactory(offer=offer, school=SchoolFactory(), pupils=[("Emma", "8.B")])
    today = timezone.localdate()
    return services.issue_internship_certificate(
        source_key=f"placement:{placement.pk}:pupil:1",
        holder_name="Emma (8.B)",
        title=offer.title,
        issuer_name=offer.association.name,
        hours=12,
        start=today - timedelta(days=10),
        end=today - timedelta(days=3),
        description="Frivilligpraktik",
        placement=placement,
        with_pdf=False,
    )


def issue_transcript() -> Certificate:
    certificate = issue_course_certificate()
    return services.issue_transcript(certificate.holder)


def fetch_credential(client, certificate: Certificate) -> dict:
    response = client.get(certificate.get_credential_url())
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def changed(document: dict, path: tuple, value) -> dict:
    """A deep copy with the value at `path` (keys and list indexes) replaced."""
    document = copy.deepcopy(document)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is REMOVE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


REMOVE = object()
