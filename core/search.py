"""What someone typed into a search field, made safe for Wagtail's search backend.

The database search backends turn the text into a full-text query: SQLite's FTS5 MATCH
syntax and PostgreSQL's tsquery both give meaning to quotes, brackets, `*`, `:`, `&`, `|`,
`!`, `-` and `^`, and the backends do not escape all of them (a lone `"` ends in SQLite's
"unterminated string", an error page). Only the words matter for matching — the index holds
words, not punctuation — so only the words are handed over. Used by the course catalogue's
filter (and so the course feed) and by the site search.

The site search (`/soeg/`, cms/search.py) covers what each app registers here from its
AppConfig.ready() — `core` knows no app, and cms need not import the apps above it:

    register_search_group("networks", _("Networks"), queries.listed_networks_for_search,
                          text=lambda network: network.description, order=30)
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# A search for more words than this is a paste or a probe, not a person looking for a course.
MAX_WORDS = 10
_WORD = re.compile(r"\w+")


def search_words(text: str) -> str:
    """The words of `text` (letters and digits in any script), space-separated; "" if none."""
    words = _WORD.findall(unicodedata.normalize("NFC", text or ""))
    return " ".join(words[:MAX_WORDS])


# PostgreSQL's Danish stop words (Snowball's list): its "danish" configuration leaves them out
# of both index and query, SQLite's index keeps them. Leaving them out of every query makes
# "kursus for kasserere" find the same on both databases.
_STOP_WORDS = """
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle
vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også
under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange
ad bliver hendes været thi jer sådan
"""
DANISH_STOP_WORDS = frozenset(_STOP_WORDS.split())


def query_words(text: str) -> str | None:
    """The words of `text` to look for: `search_words` without stop words.

    "" when nothing was typed (no search), None when only stop words were ("og"): a search
    that finds nothing, rather than everything.
    """
    words = search_words(text).split()
    if not words:
        return ""
    kept = [word for word in words if word.lower() not in DANISH_STOP_WORDS]
    return " ".join(kept) if kept else None


def _absolute_url(obj, request) -> str:
    return obj.get_absolute_url()


def _no_meta(obj) -> str:
    return ""


@dataclass(frozen=True)
class SearchGroup:
    """One kind of result of the site search.

    `queryset()` returns only what anyone may see (published, listed, public) of an indexed
    model (`wagtail.search.index.Indexed`), filtered on `FilterField`s or primary keys only.
    """

    key: str
    label: str
    queryset: Callable[[], Any]
    text: Callable[[Any], str]
    order: int = 50
    url: Callable[[Any, Any], str] = _absolute_url
    meta: Callable[[Any], str] = _no_meta


_search_groups: dict[str, SearchGroup] = {}


def register_search_group(key: str, label, queryset, *, text, order=50, url=None, meta=None):
    _search_groups[key] = SearchGroup(
        key=key,
        label=label,
        queryset=queryset,
        text=text,
        order=order,
        url=url or _absolute_url,
        meta=meta or _no_meta,
    )


def search_groups() -> list[SearchGroup]:
    return sorted(_search_groups.values(), key=lambda group: group.order)
