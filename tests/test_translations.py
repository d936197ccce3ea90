"""locale/da is complete and its compiled .mo matches the .po (CI also checks that makemessages
finds no new strings)."""

import gettext
from pathlib import Path

import polib
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_string_is_translated_to_danish():
    catalogue = polib.pofile(str(PO))

    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert missing == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source():
    catalogue = polib.pofile(str(PO))
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            got = (
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                if entry.msgctxt
                else compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
            )
            expected = entry.msgstr_plural[0]
        else:
            got = (
                compiled.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else compiled.gettext(entry.msgid)
            )
            expected = entry.msgstr
        if got != expected:
            stale.append(entry.msgid)

    assert stale == [], "Run `make compilemessages` and commit django.mo"
