"""Write locale_allauth/da/LC_MESSAGES/django.po and .mo: our Danish for the allauth strings
whose own Danish mixes terms ("password", "to-faktor-autentificering") with the site's
(»adgangskode«, »totrinsbekræftelse«). Run after upgrading allauth:

    .venv/bin/python locale_allauth/sync.py

It reads allauth's Danish catalogue for the exact msgids; a string listed below that allauth
no longer has is reported, a new one with the old terms fails tests/test_terms.py.
"""

from pathlib import Path

import allauth
import polib

HERE = Path(__file__).resolve().parent / "da" / "LC_MESSAGES"
SOURCE = Path(allauth.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "django.po"

# The beginning of allauth's English msgid → our Danish.
OURS = {
    "You cannot add an email address to an account protected by t": (
        "Du kan ikke tilføje en e-mailadresse til en konto, der er beskyttet af totrinsbekræftelse."
    ),
    "You cannot deactivate two-factor authentication.": ("Du kan ikke slå totrinsbekræftelse fra."),
    "You cannot generate recovery codes without having two-factor": (
        "Du kan ikke lave gendannelseskoder uden at have slået totrinsbekræftelse til."
    ),
    "You cannot activate two-factor authentication until you have": (
        "Du kan ikke slå totrinsbekræftelse til, før du har bekræftet din e-mailadresse."
    ),
    "Your account has no password set up.": "Din konto har ingen adgangskode.",
    "Password Reset": "Nulstil adgangskode",
    "Password Reset Email": "E-mail om nulstilling af adgangskode",
    "Password successfully changed.": "Din adgangskode er ændret.",
    "Password successfully set.": "Din adgangskode er gemt.",
    "Change Password": "Skift adgangskode",
    "Forgotten your password? Enter your email address below, and": (
        "Har du glemt din adgangskode? Skriv din e-mailadresse herunder, så sender vi dig en "
        "e-mail, hvor du kan nulstille den."
    ),
    "Reset My Password": "Nulstil min adgangskode",
    "Please contact us if you have any trouble resetting your pas": (
        "Kontakt os, hvis du har problemer med at nulstille din adgangskode."
    ),
    "The password reset link was invalid, possibly because it has": (
        "Linket til at nulstille adgangskoden virker ikke, måske fordi det allerede er brugt. "
        'Bed om <a href="%(passwd_reset_url)s">et nyt link</a>.'
    ),
    "Your password is now changed.": "Din adgangskode er nu ændret.",
    "Set Password": "Vælg adgangskode",
    "Two-Factor Authentication": "Totrinsbekræftelse",
    "Your account is protected by two-factor authentication. Plea": (
        "Din konto er beskyttet af totrinsbekræftelse. Skriv koden fra din godkendelsesapp:"
    ),
    "A new set of Two-Factor Authentication recovery codes has be": (
        "Der er lavet et nyt sæt gendannelseskoder til totrinsbekræftelse."
    ),
    "To protect your account with two-factor authentication, scan": (
        "For at beskytte din konto med totrinsbekræftelse skal du scanne QR-koden herunder "
        "med din godkendelsesapp og derefter skrive den kode, appen viser, herunder."
    ),
}


def main() -> None:
    source = polib.pofile(str(SOURCE))
    out = polib.POFile()
    out.metadata = {
        "Project-Id-Version": "Frivilligløft – allauth terms (da)",
        "Language": "da",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    used = set()
    for entry in source:
        if entry.obsolete:
            continue
        for start, danish in OURS.items():
            exact = start == entry.msgid
            if exact or (len(start) == 60 and entry.msgid.startswith(start)):
                out.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=danish))
                used.add(start)
                break
    for start in sorted(set(OURS) - used):
        print(f"allauth no longer has: {start!r}")  # noqa: T201 - a maintenance script
    HERE.mkdir(parents=True, exist_ok=True)
    out.save(str(HERE / "django.po"))
    out.save_as_mofile(str(HERE / "django.mo"))


if __name__ == "__main__":
    main()
