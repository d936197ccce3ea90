"""The story consent service logs who withdrew it in the page history (issue 19)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.services import CmsError, withdraw_story_consent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_withdrawing_consent_is_logged_in_the_page_history(make_story, client):
    story, editor = make_story(), UserFactory(is_staff=True, is_superuser=True)
    today = timezone.localdate()
    withdraw_story_consent(story, withdrawn_on=today, by=editor)
    entry = PageLogEntry.objects.get(page=story, action="frivilligloeft.cms.consent_withdrawn")
    assert entry.user_id == editor.pk
    assert entry.data == {"withdrawn_on": today.isoformat()}

    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert response.status_code == 200
    assert today.isoformat() in response.content.decode()


def test_a_refused_withdrawal_writes_no_entry(make_story):
    story = make_story()
    with pytest.raises(CmsError):
        withdraw_story_consent(
            story, withdrawn_on=story.consent_given_on - datetime.timedelta(days=1)
        )
    assert not PageLogEntry.objects.filter(action="frivilligloeft.cms.consent_withdrawn").exists()
