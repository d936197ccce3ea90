"""core.permissions.permission_required_or_404: log in first, then a 404 without the permission."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rules
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from core.permissions import permission_required_or_404
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_rule():
    """A permission for the test: the object is a dict naming its owner's id."""
    rules.add_perm(
        "tests.own_thing", rules.predicate(lambda user, thing: thing["owner"] == user.pk)
    )
    rules.add_perm("tests.be_trusted", rules.predicate(lambda user: user.full_name == "Tillid"))
    yield
    rules.remove_perm("tests.own_thing")
    rules.remove_perm("tests.be_trusted")


def _thing(request, pk):
    if pk == 404:
        raise Http404
    return {"pk": pk, "owner": request.owner_id}


@permission_required_or_404("tests.own_thing", _thing)
def thing_view(request, thing):
    return HttpResponse(f"thing {thing['pk']}")


@permission_required_or_404("tests.be_trusted")
def trusted_view(request, pk):
    return HttpResponse(f"trusted {pk}")


def _request(user, owner_id=None):
    request = RequestFactory().get("/ting/7/")
    request.user = user
    request.owner_id = owner_id
    return request


def test_anonymous_visitor_is_sent_to_log_in(owner_rule):
    response = thing_view(_request(AnonymousUser()), pk=7)

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/ting/7/"


def test_person_with_the_object_permission_gets_the_view_with_the_object(owner_rule):
    user = UserFactory()

    response = thing_view(_request(user, owner_id=user.pk), pk=7)

    assert response.content == b"thing 7"


def test_person_without_the_object_permission_gets_a_404(owner_rule):
    with pytest.raises(Http404):
        thing_view(_request(UserFactory(), owner_id=-1), pk=7)


def test_missing_object_is_a_404_too(owner_rule):
    user = UserFactory()
    with pytest.raises(Http404):
        thing_view(_request(user, owner_id=user.pk), pk=404)


@permission_required_or_404("tests.own_thing", _thing)
def thing_part_view(request, thing, part):
    return HttpResponse(f"thing {thing['pk']} part {part}")


def test_arguments_the_object_lookup_does_not_name_are_passed_on_to_the_view(owner_rule):
    """A view under an object (a network's meeting) gets the object and its own arguments."""
    user = UserFactory()

    response = thing_part_view(_request(user, owner_id=user.pk), pk=7, part=3)

    assert response.content == b"thing 7 part 3"
    with pytest.raises(Http404):
        thing_part_view(_request(UserFactory(), owner_id=-1), pk=7, part=3)


def test_permission_without_an_object_passes_the_arguments_on(owner_rule):
    assert trusted_view(_request(UserFactory(full_name="Tillid")), pk=3).content == b"trusted 3"
    with pytest.raises(Http404):
        trusted_view(_request(UserFactory(full_name="Anden")), pk=3)


def test_every_apps_rules_are_registered_at_start_up_without_being_imported():
    """A permission whose rules.py nobody imported would answer "no" to everyone: Django
    starting must load every app's rules.py (the autodiscovering app config). Checked in a
    fresh interpreter, since this test process has long imported them all."""
    declared = sorted(
        name
        for path in Path(settings.BASE_DIR).glob("*/rules.py")
        for name in re.findall(r"add_perm\(\s*\"([\w.]+)\"", path.read_text(encoding="utf-8"))
    )
    assert len(declared) >= 10
    script = (
        "import django, json, rules; django.setup(); "
        "print(json.dumps(sorted(rules.permissions.permissions)))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    registered = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert set(declared) <= registered
