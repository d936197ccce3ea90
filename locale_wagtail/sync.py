"""Bring locale_wagtail/da in step with the installed Wagtail (run it after upgrading Wagtail).

    .venv/bin/python locale_wagtail/sync.py

For the `django` and `djangojs` domains it reads the English catalogues of every installed
Wagtail app (the apps in INSTALLED_APPS whose name starts with "wagtail"), adds the strings our
Danish catalogue lacks – empty, or with Wagtail's own Danish as a fuzzy suggestion – marks the
strings Wagtail no longer has as obsolete, and refreshes references, flags and translator
comments. Then translate what it reports (tests/test_wagtail_translations.py fails until every
entry is translated and not fuzzy) and run `make compilemessages`. Running it twice changes
nothing.
"""

import os
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale_wagtail" / "da" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")


def wagtail_catalogues(domain):
    """(reference prefix, English catalogue, Wagtail's Danish catalogue or None) per app."""
    import wagtail
    from django.apps import apps

    packages = Path(wagtail.__file__).resolve().parent.parent
    for app_config in apps.get_app_configs():
        if app_config.name != "wagtail" and not app_config.name.startswith("wagtail."):
            continue
        app_path = Path(app_config.path).resolve()
        english = app_path / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        danish = app_path / "locale" / "da" / "LC_MESSAGES" / f"{domain}.po"
        if english.exists():
            prefix = app_path.relative_to(packages).as_posix()
            yield (
                prefix,
                polib.pofile(str(english)),
                (polib.pofile(str(danish)) if danish.exists() else None),
            )


def new_entry(source, suggestion):
    entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid)
    if source.msgid_plural:
        entry.msgid_plural = source.msgid_plural
        entry.msgstr_plural = {0: "", 1: ""}
    if suggestion is not None and suggestion.translated():
        if source.msgid_plural:
            entry.msgstr_plural = {n: suggestion.msgstr_plural.get(n, "") for n in (0, 1)}
        else:
            entry.msgstr = suggestion.msgstr
        entry.flags.append("fuzzy")
    return entry


def wagtail_strings(domain):
    """{(msgctxt, msgid): (English entry, Wagtail's Danish entry or None, references)}."""
    strings = {}
    for prefix, english, danish in wagtail_catalogues(domain):
        suggestions = {(e.msgctxt, e.msgid): e for e in danish} if danish else {}
        for source in english:
            if source.obsolete:
                continue
            key = (source.msgctxt, source.msgid)
            if key not in strings:
                strings[key] = (source, suggestions.get(key), [])
            elif strings[key][1] is None:
                strings[key] = (strings[key][0], suggestions.get(key), strings[key][2])
            strings[key][2].extend(f"{prefix}/{file}" for file, _line in source.occurrences)
    return strings


def sync(domain):
    path = LOCALE_DIR / f"{domain}.po"
    ours = polib.pofile(str(path))
    entries = {(entry.msgctxt, entry.msgid): entry for entry in ours}
    strings = wagtail_strings(domain)
    added = 0
    for key, (source, suggestion, references) in strings.items():
        entry = entries.get(key)
        if entry is None:
            entry = new_entry(source, suggestion)
            ours.append(entry)
            entries[key] = entry
            added += 1
        entry.obsolete = False
        entry.occurrences = [(reference, "") for reference in dict.fromkeys(references)]
        entry.comment = source.comment
        fuzzy = ["fuzzy"] if "fuzzy" in entry.flags else []
        entry.flags = [flag for flag in source.flags if flag != "fuzzy"] + fuzzy
    retired = 0
    for key, entry in entries.items():
        if key not in strings and not entry.obsolete:
            entry.obsolete = True
            retired += 1
    ours.save(str(path))
    todo = len(ours.untranslated_entries()) + len(ours.fuzzy_entries())
    sys.stdout.write(f"{domain}.po: {added} added, {retired} made obsolete, {todo} to translate\n")
    return todo


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    todo = sum(sync(domain) for domain in DOMAINS)
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
