from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.registry import mine_sider_links

register = template.Library()

# Account pages that accounts itself owns (or allauth provides), around the apps' own pages.
_FIRST = [("accounts:dashboard", _("Overview"))]
_LAST = [
    ("accounts:profile", _("Profile")),
    ("account_change_password", _("Password")),
    ("account_email", _("Email addresses")),
    ("mfa_index", _("Two-step verification")),
    ("accounts:personal_data", _("Your data")),
]


@register.inclusion_tag("accounts/includes/menu.html", takes_context=True)
def mine_sider_menu(context):
    request = context["request"]
    entries = _FIRST + [(link.url_name, link.label) for link in mine_sider_links()] + _LAST
    items = []
    for url_name, label in entries:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = request.path == url or (
            url_name != "accounts:dashboard" and request.path.startswith(url)
        )
        items.append({"url": url, "label": label, "current": current})
    return {"items": items}
