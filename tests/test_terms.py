"""One word for one thing in Danish (issue 20): »adgangskode«, never "password";
»totrinsbekræftelse«, never "to-faktor-autentificering" — in our catalogue and in what allauth
shows (locale_allauth/ overrides allauth's own Danish)."""

import re
from pathlib import Path

import allauth
import polib
import pytest
from django.conf import settings
from django.utils import translation

MIXED = re.compile(r"(?i)\bpassword|to-faktor|tofaktor|two-factor")
OURS = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"
ALLAUTH = Path(allauth.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "django.po"


def _danish(entries) -> dict[str, str]:
    found = {}
    with translation.override("da"):
        for entry in entries:
            if entry.obsolete or not entry.msgid:
                continue
            if entry.msgid_plural:
                text = (
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                )
            elif entry.msgctxt:
                text = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                text = translation.gettext(entry.msgid)
            # Placeholders such as %(password_reset_url)s are names, not words people read.
            shown = re.sub(r"%\(\w+\)s|\{\w+\}", "", text)
            if MIXED.search(shown):
                found[entry.msgid] = text
    return found


@pytest.mark.parametrize("catalogue", [OURS, ALLAUTH], ids=["ours", "allauth"])
def test_danish_uses_one_term_for_passwords_and_two_step_login(catalogue):
    assert _danish(polib.pofile(str(catalogue))) == {}


CONFIRM_PAGE = [
    "Confirm Email Address",
    'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for '
    "user %(user_display)s.",
    "Unable to confirm %(email)s because it is already confirmed by a different account.",
    'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">'
    "issue a new email confirmation request</a>.",
]


@pytest.mark.parametrize("msgid", CONFIRM_PAGE)
def test_the_page_that_confirms_an_address_says_e_mail_like_every_other_page(msgid):
    """The link in the sign-up email opens allauth's confirmation page: »e-mailadresse«, as
    the rest of the site writes it, not allauth's »emailadresse«."""
    with translation.override("da"):
        shown = re.sub(r"%\(\w+\)s|<[^>]+>", "", translation.gettext(msgid))

    assert shown != msgid
    assert not re.search(r"(?i)(?<![-\w])email", shown), shown
