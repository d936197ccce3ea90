from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from accounts.registry import mine_sider_links
from accounts.roles import load_permissions
from accounts.sso.config import MITID, STAFF, login_providers

register = template.Library()

# Account pages that accounts itself owns (or allauth provides), around the apps' own pages.
_FIRST = [("accounts:dashboard", _("Overview"))]
_LAST = [
    ("accounts:profile", _("Profile")),
    ("account_change_password", _("Password")),
    ("account_email", _("Email addresses")),
    ("mfa_index", _("Two-step verification")),
    ("accounts:linked_logins", _("Logins")),
    ("accounts:personal_data", _("Your data")),
]


# (language, script prefix) → [(url name, URL, label)]: the menu's URLs are the same for every
# request in a language, and reversing its fourteen links was a sixth of a Mine sider page.
_menu_urls: dict[tuple[str | None, str], list[tuple[str, str, object]]] = {}


def _menu_entries() -> list[tuple[str, str, object]]:
    key = (get_language(), get_script_prefix())
    entries = _menu_urls.get(key)
    if entries is None:
        entries = []
        for url_name, label in (
            _FIRST + [(link.url_name, link.label) for link in mine_sider_links()] + _LAST
        ):
            try:
                entries.append((url_name, reverse(url_name), label))
            except NoReverseMatch:
                continue
        _menu_urls[key] = entries
    return entries


@register.inclusion_tag("accounts/includes/menu.html", takes_context=True)
def mine_sider_menu(context):
    request = context["request"]
    entries = _menu_entries()
    if not login_providers():
        entries = [entry for entry in entries if entry[0] != "accounts:linked_logins"]
    items = []
    for url_name, url, label in entries:
        current = request.path == url or (
            url_name != "accounts:dashboard" and request.path.startswith(url)
        )
        items.append({"url": url, "label": label, "current": current})
    current = next((item for item in items if item["current"]), None)
    return {"items": items, "current": current, "user": request.user}


@register.inclusion_tag("accounts/includes/login_buttons.html", takes_context=True)
def login_buttons(context, next_url=""):
    """A button for each configured login provider (none: nothing at all)."""
    labels = {STAFF: _("Log in with your municipal account"), MITID: _("Log in with MitID")}
    buttons = [
        {
            "provider_id": provider_id,
            "label": labels.get(provider_id, provider_id),
            "url": reverse("openid_connect_login", kwargs={"provider_id": provider_id}),
        }
        for provider_id in login_providers()
    ]
    return {"buttons": buttons, "next_url": next_url, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("wagtailadmin/includes/staff_login_button.html", takes_context=True)
def staff_login_button(context, next_url=""):
    """The municipal login on the Wagtail admin's login page, when it is configured."""
    url = ""
    if STAFF in login_providers():
        url = reverse("openid_connect_login", kwargs={"provider_id": STAFF})
    return {
        "url": url,
        "next_url": next_url or reverse("wagtailadmin_home"),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def site_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for the people who may use the admin.

    Wagtail asks `has_perm("wagtailadmin.access_admin")` on every page for everyone logged in,
    which costs ModelBackend two queries (own and group permissions); loading the person's
    roles and permissions together first (accounts.roles.load_permissions, once per request) makes
    that one query, which the admin menu's role checks then share.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    load_permissions(user)  # nothing when this request has already loaded them
    return wagtailuserbar(context, position)
