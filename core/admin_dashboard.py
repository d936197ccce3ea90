"""Panels on the Wagtail admin's dashboard, one per app and role (Wagtail's
`construct_homepage_panels` hook).

Each app adds its panel in its own wagtail_hooks.py:

    @hooks.register("construct_homepage_panels")
    def add_sparring_panel(request, panels):
        panels.append(SparringPanel())

A panel says which staff groups see it (`groups`; superusers see every panel), fetches what it
shows in a fixed number of queries (`get_items`) and renders `core/admin/dashboard_panel.html`:
a heading, rows of "how many, and where the work is done" (`DashboardItem`), and optionally a
short table of its own (`table_template`). The person's groups are read once per request.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wagtail.admin.ui.components import Component


@dataclass
class DashboardItem:
    """One line of work: what, how many, and the link to the screen where it is done."""

    label: str
    count: int
    url: str
    link_text: str = ""
    # Rows to list under the line: (text, url, detail).
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    # Whether a non-zero count needs attention (shown as a warning).
    attention: bool = True


def group_names(request) -> frozenset[str]:
    """The names of the signed-in person's groups, read once per request."""
    cached = getattr(request, "_dashboard_group_names", None)
    if cached is None:
        cached = frozenset(request.user.groups.values_list("name", flat=True))
        request._dashboard_group_names = cached
    return cached


class DashboardPanel(Component):
    template_name = "core/admin/dashboard_panel.html"
    table_template: str = ""
    name = "dashboard_panel"
    heading: str = ""
    groups: Iterable[str] = ()
    order = 50

    def is_shown(self, request) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        return user.is_superuser or bool(group_names(request) & set(self.groups))

    def get_items(self, request) -> list[DashboardItem]:
        raise NotImplementedError

    def get_extra_context(self, request) -> dict:
        return {}

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        request = parent_context["request"]
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "items": self.get_items(request),
            "table_template": self.table_template,
            "request": request,
            **self.get_extra_context(request),
        }

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        if not self.is_shown(parent_context["request"]):
            return ""
        return super().render_html(parent_context)
