"""Site search: one query across every kind of public content, grouped by kind.

The kinds are registered with `core.search.register_search_group`: guides, stories and
standard pages here; courses, networks, associations, internship offers and theme weeks by
their apps, each with its own rule of what the public may see. Wagtail's search index does the
matching through `core.search_backend`: every word by its Danish stem and beginning, the same
on PostgreSQL and SQLite ("bestyrelse" finds "bestyrelsen", "kasserer" "Kassererkursus").
Each result carries a short snippet with the matched words marked.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from cms.models import GuideIndexPage, GuidePage, StandardPage, StoryPage
from cms.toc import _texts
from core.search import query_words, register_search_group, search_groups
from taxonomy.models import Topic

SNIPPET_LENGTH = 220
# How many results of each type the grouped page shows; "show all" pages through the rest.
GROUP_SIZE = 5


@dataclass
class ResultGroup:
    key: str
    label: str
    results: list = field(default_factory=list)
    total: int = 0


@dataclass
class Hit:
    title: str
    url: str
    snippet: SafeString
    obj: object
    meta: str = ""


def search_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"\w+", query.lower()) if len(term) > 1]


def _stem_prefix(term: str) -> str:
    # A rough Danish stem for highlighting: "bestyrelse" also marks "bestyrelsen" and
    # "bestyrelsesarbejde". Matching itself is the search backend's job.
    return term if len(term) <= 4 else term[: max(4, len(term) - 2)]


def make_snippet(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A short excerpt of `text` around the first matched word, matches wrapped in <mark>."""
    text = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    if not text:
        return mark_safe("")
    prefixes = [re.escape(_stem_prefix(term)) for term in terms]
    pattern = re.compile(r"\b(?:" + "|".join(prefixes) + r")\w*", re.IGNORECASE) if terms else None
    start = 0
    if pattern is not None:
        first = pattern.search(text)
        if first is not None and first.start() > length // 3:
            start = text.rfind(" ", 0, first.start() - length // 3) + 1
    excerpt = text[start : start + length]
    if start + length < len(text):
        excerpt = excerpt[: excerpt.rfind(" ")] if " " in excerpt else excerpt
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + len(excerpt) < len(text) else ""
    if pattern is None:
        return mark_safe(escape(prefix + excerpt + suffix))  # noqa: S308 - escaped
    pieces, last = [], 0
    for match in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(excerpt[last:]))
    return mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))  # noqa: S308 - escaped


def page_text(page, *fields) -> str:
    parts = [str(getattr(page, name, "") or "") for name in fields]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(_texts(list(body.raw_data)))
    return " ".join(parts)


def _live_pages(model):
    return lambda: model.objects.live().filter(locale=Locale.get_active())


def _page_url(page, request) -> str:
    return page.get_url(request)


def register_page_groups() -> None:
    """cms's own kinds of result; the other apps register theirs (core.search)."""
    register_search_group(
        "guides",
        _("Guides"),
        _live_pages(GuidePage),
        text=lambda page: page_text(page, "lead"),
        url=_page_url,
        order=10,
    )
    register_search_group(
        "stories",
        _("Stories"),
        _live_pages(StoryPage),
        text=lambda page: page_text(page, "lead", "quote"),
        url=_page_url,
        order=80,
    )
    register_search_group(
        "pages",
        _("Pages"),
        _live_pages(StandardPage),
        text=lambda page: page_text(page, "intro"),
        url=_page_url,
        order=90,
    )


def _search(query, queryset):
    # Words only, without stop words: search syntax would reach the backend's query parser.
    words = query_words(query)
    if not words:
        return queryset.none()
    # Every word must match: a longer query narrows the results, as people expect. Each word
    # matches by its Danish stem and beginning (core/search_backend.py).
    return get_search_backend().search(words, queryset, operator="and")


def group_keys() -> list[str]:
    return [group.key for group in search_groups()]


def search_site(query: str, request, *, limit: int = GROUP_SIZE) -> list[ResultGroup]:
    """The first `limit` results of each kind for `query`, in the active language."""
    terms = search_terms(query)
    groups = []
    for group in search_groups():
        results = _search(query, group.queryset())
        first = list(results[:limit])
        # Counting costs a second query; only a full first page needs it.
        total = results.count() if len(first) == limit else len(first)
        groups.append(
            ResultGroup(
                key=group.key,
                label=group.label,
                total=total,
                results=hits(first, request, terms, group),
            )
        )
    return groups


def search_one_group(query: str, key: str):
    """All results of one kind, lazily (to page through), and the kind."""
    for group in search_groups():
        if group.key == key:
            return group, _search(query, group.queryset())
    raise KeyError(key)


def _hit(obj, request, terms, group) -> Hit:
    return Hit(
        title=str(obj),
        url=group.url(obj, request),
        snippet=make_snippet(group.text(obj), terms),
        obj=obj,
        meta=group.meta(obj),
    )


def hits(objects, request, terms, group) -> list[Hit]:
    return [_hit(obj, request, terms, group) for obj in objects]


def suggested_topics(request) -> list[dict]:
    """Topics to try when a search finds nothing: those with guides in this language."""
    index = GuideIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    if index is None:
        return []
    topics = (
        Topic.objects.filter(guides__live=True, guides__locale=Locale.get_active())
        .distinct()
        .order_by("name")
    )
    return [{"topic": topic, "url": index.topic_url(topic, request)} for topic in topics]
