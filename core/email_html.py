"""The HTML part of an email, built from its text part.

Every email is written once, as text (templates/emails/…/<name>.txt); its HTML part is that
text laid out in one small, accessible layout (templates/emails/layout.html): paragraphs,
lists from lines starting with "- ", the "--" line before a footer as a rule, and links from
the addresses in the text. So the two parts never say different things, and the text part —
which many people read, and every screen reader handles — stays first-class. An email with its
own `<name>.html` template uses that instead.
"""

import re

from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, urlize
from django.utils.safestring import SafeString, mark_safe

LINK_STYLE = "color:#0d5c63"
_ITEM = re.compile(r"^\s*[-•] ")
_CONTINUATION = re.compile(r"^\s{2,}\S")


def _inline(line: str) -> SafeString:
    """One line of text, escaped, with its web addresses as links."""
    linked = urlize(conditional_escape(line.strip()), autoescape=False)
    # The site's link colour (7.1:1 on white), inline: mail programs drop style sheets.
    return mark_safe(linked.replace("<a href=", f'<a style="{LINK_STYLE}" href='))  # noqa: S308 (escaped above)


def _blocks(text: str) -> list[tuple[str, list]]:
    """("p", lines), ("ul", items of lines) and ("hr", []) blocks of a text email."""
    blocks: list[tuple[str, list]] = []
    paragraph: list[str] = []
    items: list[list[str]] = []

    def close():
        if paragraph:
            blocks.append(("p", paragraph.copy()))
            paragraph.clear()
        if items:
            blocks.append(("ul", [item.copy() for item in items]))
            items.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            close()
        elif line.strip() == "--":
            close()
            blocks.append(("hr", []))
        elif _ITEM.match(line):
            if paragraph:
                blocks.append(("p", paragraph.copy()))
                paragraph.clear()
            items.append([_ITEM.sub("", line, count=1)])
        elif items and _CONTINUATION.match(line):
            items[-1].append(line)
        else:
            if items:
                blocks.append(("ul", [item.copy() for item in items]))
                items.clear()
            paragraph.append(line)
    close()
    return blocks


def _lines(lines: list[str]) -> SafeString:
    return mark_safe("<br>\n".join(_inline(line) for line in lines))  # noqa: S308 (escaped)


def text_to_html(text: str) -> SafeString:
    """The body of a text email as HTML blocks with inline styles (mail programs drop <style>)."""
    parts = []
    for kind, content in _blocks(text):
        if kind == "p":
            parts.append(format_html('<p style="margin:0 0 16px">{}</p>', _lines(content)))
        elif kind == "ul":
            items = (
                format_html('<li style="margin:0 0 6px">{}</li>', _lines(item)) for item in content
            )
            parts.append(
                format_html(
                    '<ul style="margin:0 0 16px;padding-left:24px">{}</ul>',
                    mark_safe("".join(items)),  # noqa: S308 (each item escaped)
                )
            )
        else:
            parts.append(
                mark_safe('<hr style="border:0;border-top:1px solid #d6d1c6;margin:24px 0">')
            )
    return mark_safe("\n".join(parts))  # noqa: S308 (escaped blocks)


def render_html(*, subject: str, body: str, language: str, context: dict) -> str:
    """The whole HTML document of an email whose text part is `body`."""
    return render_to_string(
        "emails/layout.html",
        {**context, "subject": subject, "content": text_to_html(body), "language": language},
    )
