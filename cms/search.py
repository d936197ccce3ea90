"""Site search: one query across guides, courses, stories and standard pages.

Wagtail's database search backend does the matching: Danish stemming on PostgreSQL
(`SEARCH_CONFIG: "danish"`), SQLite's full-text index elsewhere. Results are grouped by type;
each carries a short snippet with the matched words marked.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from cms.models import GuideIndexPage, GuidePage, StandardPage, StoryPage
from cms.toc import _texts
from courses.models import Course, CourseStatus, Topic

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


def _page_text(page, *fields) -> str:
    parts = [str(getattr(page, name, "") or "") for name in fields]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(_texts(list(body.raw_data)))
    return " ".join(parts)


def _groups():
    """(key, label, queryset builder, text of a result) for each kind of result."""

    def pages(model):
        return lambda: model.objects.live().filter(locale=Locale.get_active())

    return [
        ("guides", _("Guides"), pages(GuidePage), lambda p: _page_text(p, "lead")),
        (
            "courses",
            _("Courses"),
            lambda: Course.objects.filter(
                status=CourseStatus.PUBLISHED, starts_at__gt=timezone.now()
            ),
            lambda c: f"{c.summary} {strip_tags(c.description)}",
        ),
        ("stories", _("Stories"), pages(StoryPage), lambda p: _page_text(p, "lead", "quote")),
        ("pages", _("Pages"), pages(StandardPage), lambda p: _page_text(p, "intro")),
    ]


def _search(query, queryset):
    # Every word must match: a longer query narrows the results, as people expect.
    return get_search_backend().search(query, queryset, operator="and")


GROUP_KEYS = ("guides", "courses", "stories", "pages")


def search_site(query: str, request, *, limit: int = GROUP_SIZE) -> list[ResultGroup]:
    """The first `limit` results of each type for `query`, in the active language."""
    terms = search_terms(query)
    groups = []
    for key, label, queryset, text_of in _groups():
        results = _search(query, queryset())
        groups.append(
            ResultGroup(
                key=key,
                label=label,
                total=results.count(),
                results=hits(results[:limit], request, terms, text_of),
            )
        )
    return groups


def search_one_group(query: str, key: str):
    """All results of one type, lazily (to page through), and how to show one of them."""
    for group_key, label, queryset, text_of in _groups():
        if group_key == key:
            return label, _search(query, queryset()), text_of
    raise KeyError(key)


def _hit(obj, request, terms, text_of) -> Hit:
    url = obj.get_absolute_url() if isinstance(obj, Course) else obj.get_url(request)
    return Hit(title=obj.title, url=url, snippet=make_snippet(text_of(obj), terms), obj=obj)


def hits(objects, request, terms, text_of) -> list[Hit]:
    return [_hit(obj, request, terms, text_of) for obj in objects]


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
