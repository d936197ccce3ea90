import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from accounts.models import User
from cms.models import HomePage, SiteContactSettings


def _counts():
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
    }


def test_seed_demo_builds_the_site_and_a_second_run_changes_nothing(demo_site):
    # demo_site: the session's one run of seed_demo on a fresh site (tests/conftest.py).
    first = _counts()
    first_output = demo_site.output

    call_command("seed_demo", stdout=io.StringIO())

    assert _counts() == first
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert SiteContactSettings.for_site(site).accessibility_page is not None
    assert "frivillig@frivilligloeft.test" in first_output
    assert "Kursusadministrator" in first_output


def test_seed_demo_gives_each_role_a_login(demo_site):
    roles = {
        user.email: sorted(g.name for g in user.groups.all())
        for user in User.objects.prefetch_related("groups")
    }
    assert roles["kursus@frivilligloeft.test"] == ["Kursusadministrator"]
    assert roles["redaktoer@frivilligloeft.test"] == ["Redaktør"]
    assert roles["konsulent@frivilligloeft.test"] == ["Frivilligkonsulent"]
    assert User.objects.get(email="admin@frivilligloeft.test").is_superuser


def test_seed_demo_serves_danish_and_english_home(client, demo_site):
    danish = client.get("/")
    english = client.get("/en/")

    assert danish.status_code == 200
    assert english.status_code == 200
    assert '<html lang="da">' in danish.text
    assert '<html lang="en">' in english.text
    assert "Kontakt" in danish.text
    assert "Contact" in english.text


@pytest.mark.django_db
def test_seed_demo_refuses_without_permission(settings):
    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="refuses"):
        call_command("seed_demo")
