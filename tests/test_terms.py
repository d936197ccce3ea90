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
