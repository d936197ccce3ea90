"""Reading a guide's StreamField: table of contents, heading levels, reading time.

Everything here works on data already loaded with the page: no queries.
"""

import math
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from core.slugs import danish_slugify

# Ids the site layout already uses; a heading never takes one of them.
RESERVED_IDS = frozenset({"main", "toc", "toc-heading", "footer-contact-heading", "hero-heading"})

# Adults read Danish non-fiction at roughly this pace; a guide is read with some care.
WORDS_PER_MINUTE = 180

# Raw StreamField keys that hold settings or ids rather than text a person reads.
_NON_TEXT_KEYS = frozenset({"type", "id", "level", "kind", "url", "limit"})


@dataclass
class TocEntry:
    anchor: str
    text: str
    children: list["TocEntry"] = field(default_factory=list)


@dataclass
class BodyItem:
    """One block of the body with what its template needs beyond its value."""

    block: object
    anchor: str = ""
    heading_level: int = 2
    courses: list | None = None


def make_anchor(text: str, taken: set[str]) -> str:
    base = danish_slugify(text, max_length=60, fallback="afsnit")
    anchor, number = base, 2
    while anchor in taken or anchor in RESERVED_IDS:
        anchor = f"{base}-{number}"
        number += 1
    taken.add(anchor)
    return anchor


def prepare_body(body) -> tuple[list[BodyItem], list[TocEntry]]:
    """The body's blocks with unique heading ids and title levels, and the table of contents.

    Blocks with a title of their own (checklist, FAQ, …) get the heading level below the last
    heading before them, so the outline never skips a level.
    """
    items: list[BodyItem] = []
    toc: list[TocEntry] = []
    taken: set[str] = set()
    current_level = 1
    for block in body:
        if block.block_type == "heading":
            level = 3 if block.value.get("level") == "h3" else 2
            anchor = make_anchor(block.value["text"], taken)
            entry = TocEntry(anchor=anchor, text=block.value["text"])
            if level == 3 and toc:
                toc[-1].children.append(entry)
            else:
                toc.append(entry)
            current_level = level
            items.append(BodyItem(block=block, anchor=anchor, heading_level=level))
        else:
            items.append(BodyItem(block=block, heading_level=min(current_level + 1, 4)))
    return items, toc


def _texts(value, key=None):
    if key in _NON_TEXT_KEYS:
        return
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _texts(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _texts(child)


def word_count(*texts: str, raw_stream=None) -> int:
    words = 0
    for text in (*texts, *(_texts(raw_stream or []))):
        words += len(re.findall(r"\w+", text or ""))
    return words


def reading_minutes(*texts: str, raw_stream=None) -> int:
    return max(1, math.ceil(word_count(*texts, raw_stream=raw_stream) / WORDS_PER_MINUTE))
