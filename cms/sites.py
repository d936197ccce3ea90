"""Which Wagtail site answers a request, without a query on every request.

Wagtail's `Site.find_for_request` asks the database once per request (a CASE-annotated query
over the sites table). The header's guides link and the footer need the site on every page,
so on pages that are not Wagtail pages (the catalogue, Mine sider, the organiser's overview …)
that one query ran for every person on every request. `find_site` keeps the answer per
process, under the page cache's content generation (core.fragments): any save in
wagtailcore — a Site included — bumps it, so an edited site is seen at once by every process.
Like the shared fragments it is on only with `FRAGMENT_CACHE_SECONDS` (production: 300; off in
development and tests) and an answer lasts at most that long (`QuerySet.update()` sends no
signal). While the shared cache is away it asks Wagtail as before. The answer is put on the request
where Wagtail itself looks (`request._wagtail_site`), so Wagtail's own lookups in the same
request reuse it.
"""

import copy
import time

from django.http.request import split_domain_port
from wagtail.models import Site

from core.fragments import cache_seconds, request_generation

_MISSING = object()
_LIMIT = 64
_sites: dict[tuple, tuple[Site | None, float]] = {}


def clear_local() -> None:
    """Forget this process's answers (tests)."""
    _sites.clear()


def find_site(request) -> Site | None:
    if request is None:
        return None
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    seconds = cache_seconds()
    generation = request_generation(request) if seconds > 0 else None
    if generation is None:
        return Site.find_for_request(request)
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (generation, hostname, request.get_port())
    site, until = _sites.get(key, (_MISSING, 0.0))
    now = time.monotonic()
    if site is _MISSING or now >= until:
        site = Site._find_for_request(request)
        if len(_sites) >= _LIMIT:
            _sites.clear()
        _sites[key] = (site, now + seconds)
    # A copy per request: nothing a request sets on it reaches the next one.
    request._wagtail_site = copy.copy(site)
    return request._wagtail_site
