"""Input hygiene for names and titles: one line of visible text, read in one direction.

A name or title is printed on certificates, in calendar programs, in email subjects and in
lists. Characters nobody can see do harm there:

- control characters (C0 U+0000–U+001F with tab and line breaks, DEL, C1 U+0080–U+009F) and
  Unicode's own line and paragraph separators (U+2028, U+2029) break single-line output: an
  iCalendar SUMMARY, an email header, a CSV cell, a PDF line;
- the bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069)
  reorder the text that follows them, so "‮Anna" can print reversed on a certificate and
  make a name look like another one ("Trojan Source").

The directional *marks* U+200E (left-to-right mark), U+200F (right-to-left mark) and U+061C
(Arabic letter mark) are allowed on purpose: they are invisible strong characters that only
decide which way the neutral characters next to them (spaces, digits, brackets) run, never
reverse letters, and a name in Arabic or Hebrew script next to a Latin word or a number
needs them to be shown correctly. Zero-width joiners (U+200C, U+200D) stay too: Persian and
Indic names and emoji are spelt with them.

`validate_single_line` is built into the model field `core.models.SingleLineField`, so a site
ModelForm and the Wagtail admin's forms both refuse such input with the same translated
message; forms that are not ModelForms add it to their own fields. Page titles get it through
`SingleLineTitleMixin.clean()`.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 (with tab, line feed, carriage return), DEL, C1 (with NEL U+0085), line and paragraph
# separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _code_point(character: str) -> str:
    return f"U+{ord(character):04X}"


def _refuse(match: re.Match, *, bidi: bool) -> None:
    if bidi:
        message = _(
            "Remove the invisible character %(character)s: it changes the direction of the "
            "text around it. Right-to-left text such as Arabic is fine without it."
        )
        code = "bidi_control"
    else:
        message = _(
            "Write this on one line, without line breaks, tabs or other invisible control "
            "characters (found: %(character)s)."
        )
        code = "control_character"
    raise ValidationError(message, code=code, params={"character": _code_point(match.group())})


def validate_single_line(value) -> None:
    """Refuse control characters and bidi embeddings, overrides and isolates in a one-line text
    (names, titles, places)."""
    if not isinstance(value, str):
        return
    if match := CONTROL_CHARACTERS.search(value):
        _refuse(match, bidi=False)
    if match := BIDI_CONTROLS.search(value):
        _refuse(match, bidi=True)


class SingleLineTitleMixin:
    """For our page models: the title (and SEO title) Wagtail defines is held to
    `validate_single_line`, in the admin's page form and on every `full_clean()`."""

    def clean(self):
        errors = {}
        for name in ("title", "seo_title"):
            try:
                validate_single_line(getattr(self, name, ""))
            except ValidationError as error:
                errors[name] = error.error_list
        try:
            super().clean()
        except ValidationError as error:
            # Wagtail's own checks (e.g. the slug) are reported together with ours.
            if not errors:
                raise
            error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
