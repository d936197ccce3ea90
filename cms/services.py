"""State changes of the CMS that carry a rule beyond Wagtail's own editing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from cms.models import StoryPage
from core.audit import record
from core.services import ServiceError


class CmsError(ServiceError):
    """A CMS rule refused the change; the message is translated and safe to show."""


def withdraw_story_consent(story: StoryPage, *, withdrawn_on=None, by=None) -> list[StoryPage]:
    """Record that the person in `story` withdrew their consent, and take the story down
    (`by` the editor who records it, named in the page history; None when the site does).

    Guarantees: every language version of the story (translations and aliases) carries the
    withdrawal date and is unpublished, in one transaction. Running it again changes nothing
    but keeps the first date. Returns the pages that were unpublished.
    """
    withdrawn_on = withdrawn_on or timezone.localdate()
    if withdrawn_on < story.consent_given_on:
        raise CmsError(_("A consent cannot be withdrawn before it was given."))
    with transaction.atomic():
        versions = list(
            StoryPage.objects.select_for_update()
            .filter(translation_key=story.translation_key)
            .order_by("pk")
        )
        aliases = list(
            StoryPage.objects.select_for_update()
            .filter(alias_of__in=[v.pk for v in versions])
            .exclude(pk__in=[v.pk for v in versions])
            .order_by("pk")
        )
        was_live = [version for version in [*versions, *aliases] if version.live]
        for version in [*versions, *aliases]:
            if version.consent_withdrawn_on is None:
                StoryPage.objects.filter(pk=version.pk).update(consent_withdrawn_on=withdrawn_on)
                version.consent_withdrawn_on = withdrawn_on
                record(
                    version,
                    "frivilligloeft.cms.consent_withdrawn",
                    by=by,
                    data={"withdrawn_on": withdrawn_on.isoformat()},
                )
            # Unpublishing a page takes its aliases down too, so look again each time.
            version.refresh_from_db(fields=["live"])
            if version.live:
                # The consent rule takes the story down, whoever recorded the withdrawal:
                # an editor without the right to unpublish pages may still do so.
                UnpublishPageAction(version, user=by).execute(skip_permission_checks=True)
        story.consent_withdrawn_on = story.consent_withdrawn_on or withdrawn_on
    return was_live


def enforce_story_consent(page: Page, *, by=None) -> bool:
    """Take down a story that is live although its consent is withdrawn; True if it did."""
    page = page.specific
    if not isinstance(page, StoryPage) or not page.consent_withdrawn:
        return False
    live = StoryPage.objects.filter(translation_key=page.translation_key, live=True).exists()
    withdraw_story_consent(page, withdrawn_on=page.consent_withdrawn_on, by=by)
    return live
