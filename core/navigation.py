"""The site's main navigation, filled by the apps themselves.

An app adds its menu item from its AppConfig.ready() once the feature exists, so the header
never links to a page that is not there and `core` needs to know no app:

    register_main_nav("courses", _("Courses"), "courses:catalogue", order=10)
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

UrlSource = str | Callable[[HttpRequest], str | None]


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: UrlSource
    order: int

    def resolve(self, request: HttpRequest) -> str | None:
        if callable(self.url):
            return self.url(request)
        return _reversed(self.url, get_language(), get_script_prefix(), get_urlconf())


# On every page: reversed once per URL name, language, script prefix and URLconf.
@lru_cache(maxsize=64)
def _reversed(name: str, language: str | None, script_prefix: str, urlconf) -> str:
    return reverse(name)


_main_nav: dict[str, NavItem] = {}


def register_main_nav(key: str, label: str, url: UrlSource, order: int = 50) -> None:
    _main_nav[key] = NavItem(key=key, label=label, url=url, order=order)


def main_nav(request: HttpRequest) -> list[dict]:
    items = []
    for item in sorted(_main_nav.values(), key=lambda i: i.order):
        url = item.resolve(request)
        if url:
            items.append(
                {
                    "key": item.key,
                    "label": item.label,
                    "url": url,
                    "active": request.path.startswith(url),
                }
            )
    return items
