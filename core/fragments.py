"""Rendered fragments that are the same for everyone, shared by every request that shows them.

The anonymous page cache (core.page_cache) serves whole pages to visitors who are not logged
in. Everyone else — the volunteer signing up, the organiser, the school coordinator — gets a
freshly rendered page, and on most pages the larger part of that work is the same for every
person: a course card's title, dates, place and topics, the catalogue's filter form with its
topic and provider options. `{% sharedcache %}` (core.templatetags.fragment_cache) keeps such a
fragment, rendered once, for all of them:

    {% load fragment_cache %}
    {% sharedcache "course-card" course.pk %} … {% endsharedcache %}

What keeps this safe:

- The key always holds the page cache's generation (any save or delete in a content app bumps
  it, see core.page_cache) and the active language, so an edit shows at once and a Danish
  fragment never reaches an English page. Anything else the fragment depends on must be
  named after the fragment's name (a course's pk, the filter's query).
- Only what is the same for every person may go inside: never the user, a signup's status,
  a CSRF token, a CSP nonce or a message. Person-specific parts stay outside the tag.
- Entries also expire after `FRAGMENT_CACHE_SECONDS` (changes made with `QuerySet.update()`
  send no signal); 0, the default outside production, renders every time.
- A Wagtail preview (`request.is_preview`) renders the draft it shows and keeps nothing:
  otherwise an editor would preview the live page, or the public would see the draft.
- While the shared cache is unreachable (core.cache.is_degraded) nothing is read or stored:
  fragments render as if the cache were off, as pages do.

A small per-process copy sits in front of the shared cache (keys carry the generation, so a
bump makes the local copies unreachable too), so a page with twelve cards asks Redis once for
the generation instead of twelve more times.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import get_language

from core.cache import is_degraded
from core.page_cache import GENERATION_KEY

_local = LocMemCache("shared-fragments", {"OPTIONS": {"MAX_ENTRIES": 2000, "CULL_FREQUENCY": 4}})
# Small values every page needs (the footer, the guides link), kept as they are: no pickling.
_values: dict[tuple, tuple[object, float]] = {}
_VALUES_LIMIT = 256
_MISSING = object()
# The generation read for this request, kept on the request (one cache read per request).
_REQUEST_ATTRIBUTE = "_fragment_cache_generation"


def clear_local() -> None:
    """Forget this process's copies (tests, which clear the shared cache between tests)."""
    _local.clear()
    _values.clear()


def cache_seconds() -> int:
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def _generation(request):
    """The page cache's generation, read once per request; None when the cache is away."""
    if request is not None and hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    generation = None if is_degraded() else cache.get(GENERATION_KEY, 0)
    if is_degraded():  # the read above found the cache gone
        generation = None
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, generation)
    return generation


def request_generation(request):
    """The content generation for this request (read once per request), or None while the
    shared cache is away: for per-process copies that must follow every content change."""
    return _generation(request)


def fragment_key(name: str, vary_on, generation) -> str:
    parts = "\x1f".join(str(part) for part in vary_on)
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return f"fragment:{generation}:{get_language()}:{name}:{digest}"


def shared_fragment(request, name: str, vary_on, render) -> str:
    """render()'s output, shared by everyone until content changes; see the module docstring."""
    seconds = cache_seconds()
    if not seconds or getattr(request, "is_preview", False):
        # A Wagtail preview shows a draft: never the shared (live) copy, and never kept.
        return render()
    generation = _generation(request)
    if generation is None:
        return render()
    key = fragment_key(name, vary_on, generation)
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = render()
            if not is_degraded():
                cache.set(key, value, timeout=seconds)
        _local.set(key, value, timeout=seconds)
    return value


def per_process(request, name: str, compute):
    """compute()'s answer, kept in this process under the request's content generation and
    the active language for at most `FRAGMENT_CACHE_SECONDS`: for small values every page
    shows that the shared cache also holds (the footer, the header's guides link), so a page
    does not ask Redis for each of them. The same rules as `shared_fragment`: nothing
    person-specific (`name` holds whatever else the value depends on), computed anew while
    the cache is off or away and in a preview. Callers must not change what they get."""
    seconds = cache_seconds()
    if not seconds or request is None or getattr(request, "is_preview", False):
        return compute()
    generation = _generation(request)
    if generation is None:
        return compute()
    key = (generation, get_language(), name)
    value, until = _values.get(key, (_MISSING, 0.0))
    now = time.monotonic()
    if value is _MISSING or now >= until:
        value = compute()
        if len(_values) >= _VALUES_LIMIT:
            _values.clear()
        _values[key] = (value, now + seconds)
    return value


class SharedRenderedForm:
    """A mixin for a public page's filter form (a django-filters FilterSet's `Meta.form`):
    rendered once per content generation, language and query for everyone, like the
    catalogue's. Its options, chosen values and errors come from the content and the query
    string alone; set `shared_fragment_name`. Rendering a filter form's fields and options was
    a third of the internship list's cost."""

    shared_fragment_name = ""

    def render(self, template_name=None, context=None, renderer=None):
        if template_name is not None or context is not None or renderer is not None:
            return super().render(template_name, context, renderer)
        query = ()
        if self.is_bound:
            getlist = getattr(self.data, "getlist", lambda name: [self.data.get(name)])
            query = tuple((name, tuple(getlist(name))) for name in self.fields if name in self.data)
        return shared_fragment(None, self.shared_fragment_name, [query], super().render)

    __str__ = render  # RenderableMixin binds __str__ to its own render
