"""A second `seed_demo` changes nothing at all: no table gains or loses a row — history
entries and queued emails included, now that the demo makes its networks, schools and
associations states through the services, which log and email as they go."""

import io

from django.apps import apps
from django.core.management import call_command

from core.models import OutgoingEmail


def _rows() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_a_second_seed_demo_adds_no_row_anywhere(demo_site):
    first = _rows()

    call_command("seed_demo", stdout=io.StringIO())

    assert {label: count for label, count in _rows().items() if count != first[label]} == {}


def test_the_demo_sends_no_email_from_networks_or_schools(demo_site):
    kinds = OutgoingEmail.objects.values_list("kind", flat=True)
    assert not [kind for kind in kinds if kind.startswith(("emails/networks/", "emails/schools/"))]
