"""What other apps plug into accounts, without accounts importing them.

Each app calls these from its AppConfig.ready():

- `register_personal_data(key, export=..., erase=...)`: what the app stores about a person.
  `export(user)` returns JSON-serialisable data for the person's download; `erase(user)` runs
  inside the account-deletion transaction, before the user row is deleted, and must leave no
  personal data behind (delete it, or anonymise what has to stay for statistics).
- `register_mine_sider_link(url_name, label, order)`: a page under /mine-sider/ in the
  "Mine sider" menu.
- `register_dashboard_panel(template, get_context, order)`: a summary box on the Mine sider
  front page; `get_context(request)` returns the template's context or None to hide it.
- `register_email_kind(key, label, order)`: a kind of email a person may turn off (reminders,
  messages): listed on Mine sider › Emails, and the kind its unsubscribe links name.
- `register_association_source(source)`: the associations a person holds a role in, as
  `source(user) -> [(id, name), …]`; forms of lower apps (course signup, network join,
  sparring) offer them through `associations_of(user)` without importing `associations`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class PersonalData:
    key: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class MineSiderLink:
    url_name: str
    label: str
    order: int


@dataclass(frozen=True)
class DashboardPanel:
    template: str
    get_context: Callable[[HttpRequest], dict | None]
    order: int


_personal_data: dict[str, PersonalData] = {}
_links: dict[str, MineSiderLink] = {}
_panels: dict[str, DashboardPanel] = {}
_email_kinds: dict[str, "EmailKind"] = {}


@dataclass(frozen=True)
class EmailKind:
    key: str
    label: str
    order: int


def register_personal_data(
    key: str, *, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None
) -> None:
    _personal_data[key] = PersonalData(key=key, export=export, erase=erase)


def personal_data_providers() -> list[PersonalData]:
    return list(_personal_data.values())


def register_mine_sider_link(url_name: str, label: str, order: int = 50) -> None:
    _links[url_name] = MineSiderLink(url_name=url_name, label=label, order=order)


def mine_sider_links() -> list[MineSiderLink]:
    return sorted(_links.values(), key=lambda link: link.order)


def register_dashboard_panel(
    template: str, get_context: Callable[[HttpRequest], dict | None], order: int = 50
) -> None:
    _panels[template] = DashboardPanel(template=template, get_context=get_context, order=order)


def dashboard_panels() -> list[DashboardPanel]:
    return sorted(_panels.values(), key=lambda panel: panel.order)


def register_email_kind(key: str, label: str, order: int = 50) -> None:
    _email_kinds[key] = EmailKind(key=key, label=label, order=order)


def email_kinds() -> list[EmailKind]:
    return sorted(_email_kinds.values(), key=lambda kind: kind.order)


def email_kind(key: str) -> EmailKind | None:
    return _email_kinds.get(key)


_association_sources: list[Callable[[Any], list[tuple[int, str]]]] = []


def register_association_source(source: Callable[[Any], list[tuple[int, str]]]) -> None:
    if source not in _association_sources:
        _association_sources.append(source)


def associations_of(user) -> list[tuple[int, str]]:
    """(id, name) of the associations `user` holds a role in now, by name; [] for anonymous."""
    if user is None or not user.is_authenticated:
        return []
    found: dict[int, str] = {}
    for source in _association_sources:
        found.update(source(user))
    return sorted(found.items(), key=lambda item: (item[1].casefold(), item[0]))
