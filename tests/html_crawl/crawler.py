"""The crawl behind tests/test_html_validity.py: the roles and where they start, which links
are followed, the forms sent back empty, the pages kept, and the Nu HTML checker (vnu) run
once over all of them.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation

from api import urls as api_urls

TOOLS = Path(__file__).resolve().parents[1] / "tools"


VNU_JAR = Path(os.environ.get("VNU_JAR") or TOOLS / "node_modules/vnu-jar/build/dist/vnu.jar")


VNU_REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_VNU") == "1"


# Who looks at the site, as the demo content has them (core/management/commands/seed_demo.py).
ROLES = {
    "anonymous": None,
    # A volunteer leader: signed up for courses, member of a network, chair of an association
    # with internship offers, holder of certificates.
    "volunteer": "frivillig@frivilligloeft.test",
    # Course administrator and organiser of several courses (organiser and certificate tools).
    "course_administrator": "kursus@frivilligloeft.test",
    # Volunteer consultant and coordinator of the demo networks (coordinator tools, sparring).
    "volunteer_consultant": "konsulent@frivilligloeft.test",
    # School coordinator (placements, theme weeks).
    "school_coordinator": "skole@frivilligloeft.test",
}


# English pages are crawled for these roles; the others see the same templates in Danish.
ENGLISH_ROLES = {"anonymous", "volunteer"}


# Start pages besides "/" (and "/en/"); everything else is found by following links.
START_PATHS = {
    "anonymous": [
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/konto/password/reset/done/",
        "/konto/confirm-email/",
        "/soeg/?q=bestyrelse",
        "/kurser/?q=bestyrelse",
        "/bevis/?code=ikke-en-kode",
        # The API's documentation and the embed page, which nothing on the site links to:
        # other sites frame it.
        "/api/v1/docs/",
        "/indlejring/kurser/?topic=bestyrelsesarbejde&limit=3",
        "/indlejring/kurser/?topic=findes-ikke",
    ],
    "volunteer": [
        "/mine-sider/",
        "/konto/email/",
        "/konto/password/change/",
        "/konto/logout/",
        "/soeg/?q=frivillig",
    ],
    "course_administrator": ["/mine-sider/", "/konto/2fa/", "/konto/reauthenticate/"],
    "volunteer_consultant": ["/mine-sider/"],
    "school_coordinator": ["/mine-sider/"],
}


# Not followed: the staff admins (Wagtail's own markup), files, and feeds.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/dokumenter/", "/media/", "/static/")


FILE_SUFFIXES = (".ics", ".pdf", ".csv", ".xlsx", ".zip", ".json", ".svg", ".png", ".jpg")


# How many URLs of one kind (same view, same query parameters) a role visits; CMS pages are
# each their own kind for the roles that read them.
PER_KIND = 2


# URL names of the site's own pages that the crawl does not reach as a page, and why. Every
# other URL name must be visited, so a page nobody links to fails here instead of going
# unchecked.
NOT_PAGES = {
    "healthz": "JSON",
    "healthz-ready": "JSON",
    "robots_txt": "plain text for crawlers (tests/core/test_seo.py)",
    "sitemap": "XML sitemap (tests/core/test_seo.py)",
    "accounts:export_data": "JSON download",
    "courses:signup": "POST only",
    "courses:undo_cancel": "POST only (cancel_and_undo sends it)",
    "courses:accept_offer": "POST only",
    "courses:decline_offer": "POST only",
    "courses:ics": "iCalendar file",
    "courses:export_csv": "CSV file",
    "courses:export_xlsx": "spreadsheet",
    "courses:invoices_csv": "CSV file",
    "courses:invoices_xlsx": "spreadsheet",
    "courses:give_seat": "POST only (refusal_pages sends a refused one)",
    "courses:mark_all_present": "POST only",
    "courses:approve": "POST only",
    "courses:check_in_person": "POST only (organiser_tool_pages sends one)",
    "courses:support_wish": "POST only",
    "courses:withdraw_wish_support": "POST only",
    "calendars:courses": "iCalendar feed",
    "calendars:personal": "iCalendar feed",
    "calendars:network": "iCalendar feed",
    "certificates:download": "PDF",
    "certificates:zip": "ZIP file",
    "certificates:progress": "htmx fragment of the organiser page",
    "certificates:issue_all": "POST only",
    "certificates:issue_one": "POST only",
    "certificates:reissue": "POST only",
    "schools:theme_week_feed": "iCalendar feed",
    "networks:members_csv": "CSV file",
    "networks:approve": "POST only",
    "networks:remove_member": "POST only",
    "networks:revoke_invitation": "POST only",
    "my_associations:revoke_invitation": "POST only",
    "my_networks:sparring_close": "POST only",
    "my_associations:consent": "POST only",
    "my_associations:delete_venue": "POST only",
    "my_associations:delete_activity": "POST only",
    "my_associations:remove_need": "POST only",
    "wagtail_serve": "CMS pages: checked by path",
    "wagtailcore_login": "login-restricted pages send visitors to allauth's login "
    "(WAGTAIL_FRONTEND_LOGIN_URL)",
    "certificates:transcript": "POST only",
    "my_associations:change_role": "POST only",
    "my_associations:declare": "POST only",
    "my_associations:remove_person": "POST only",
    "networks:answer": "POST only (its refusal page is checked)",
    "networks:decline": "POST only",
    "schools:contribution_action": "POST only",
    "schools:offer_status": "POST only",
    "schools:placement_action": "POST only",
    "schools:theme_week_status": "POST only",
    "oidc_backchannel_logout": "POST only: the login provider's back-channel logout",
    # Open Badges (certificates/credentials): JSON-LD, tested in tests/certificates.
    "did_document": "JSON: the issuer's DID document",
    "certificates:credential": "JSON-LD: a certificate's Open Badge",
    "certificates:open_badge": "JSON-LD download of a certificate's Open Badge",
    "certificates:issuer_profile": "JSON-LD: the issuer profile",
    "certificates:achievement_course": "JSON-LD: a course's achievement",
    "certificates:achievement_offer": "JSON-LD: an internship offer's achievement",
    "certificates:achievement_transcript": "JSON-LD: the competence transcript's achievement",
    "certificates:status_list": "JSON-LD: the revocation status list",
}


# The crawl sees the site with both login providers configured (accounts/sso): the login
# buttons and Mine sider's "Logins" page. Nothing in the crawl talks to the provider.
CRAWL_LOGIN_PROVIDERS = {
    "OIDC_STAFF_ISSUER": "https://login.kommune.invalid",
    "OIDC_STAFF_CLIENT_ID": "frivilligloeft",
    "MITID_BROKER_ISSUER": "https://mitid-broker.invalid",
    "MITID_BROKER_CLIENT_ID": "frivilligloeft-mitid",
}


# The public API answers JSON; tests/api checks every answer against its OpenAPI document.
NOT_PAGES.update(
    {f"api:{pattern.name}": "JSON: the public API" for pattern in api_urls.urlpatterns}
)


CANARY = (
    '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Kanariefugl</title>'
    '</head><body><div hx-get="/">htmx</div></body></html>'
)


# Page templates the crawl does not render, and why.
NOT_RENDERED = {
    "allauth/layouts/base.html": "allauth's fallback layout: our entrance and manage layouts "
    "replace it for every allauth page",
}


@dataclass
class Crawl:
    """The pages fetched so far: (label, html) in the order they were found."""

    pages: list = field(default_factory=list)
    view_names: set = field(default_factory=set)
    templates: set = field(default_factory=set)
    failures: list = field(default_factory=list)

    def saw_template(self, sender, template, **kwargs):
        self.templates.add(template.name)

    def add(self, label, response):
        self.pages.append((label, response.content.decode(response.charset or "utf-8")))
        match = getattr(response, "resolver_match", None)
        if match is not None:
            self.view_names.add(match.view_name)


def vnu_command():
    """The command that runs vnu, or None with the reason it cannot run here."""
    java = shutil.which("java")
    if java is None:
        return None, "no Java: apt-get install default-jre-headless"
    if not VNU_JAR.is_file():
        return None, f"no vnu.jar at {VNU_JAR}: run `make install-test-tools`"
    return [
        java,
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--format",
        "json",
        "--exit-zero-always",
    ], ""


def run_vnu(command, folder: Path, files: list[Path]) -> list[dict]:
    result = subprocess.run(  # noqa: S603 - our own command line, no shell
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stderr)["messages"]


def language_of(path: str) -> str:
    return "en" if path == "/en/" or path.startswith("/en/") else "da"


def resolve_path(path: str):
    with translation.override(language_of(path)):
        try:
            return resolve(path)
        except Resolver404:
            return None


def kind_of(url: str):
    """Visits are capped per kind: the view plus the names of the query parameters."""
    parts = urlsplit(url)
    match = resolve_path(parts.path)
    if match is None:
        return ("unknown", parts.path)
    if match.view_name == "wagtail_serve":
        return ("page", parts.path)
    params = tuple(sorted({key for key, _ in parse_qsl(parts.query)}))
    return (language_of(parts.path), match.view_name, params)


def followable(role: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.removeprefix("http://testserver")
    if not href.startswith("/") or href.startswith("//"):
        return None
    url = href.split("#", 1)[0]
    path = urlsplit(url).path
    if path.startswith(SKIPPED_PREFIXES) or path.endswith(FILE_SUFFIXES):
        return None
    if path.startswith("/en/") and role not in ENGLISH_ROLES:
        return None
    if re.search(r"/pdf/$", path):
        return None
    return url


def empty_submission(form) -> dict | None:
    """The data an empty submission of a form sends (hidden fields only), or None for forms
    that are only a button (an action, not something a person fills in)."""
    fields = form.find_all(["input", "select", "textarea"])
    fillable = [
        f
        for f in fields
        if f.name != "input" or f.get("type", "text") not in {"hidden", "submit", "button"}
    ]
    if not any(f.has_attr("required") for f in fillable):
        return None
    return {
        f["name"]: f.get("value", "")
        for f in fields
        if f.name == "input" and f.get("type") == "hidden" and f.get("name")
    }


def crawl_role(role: str, client: Client, crawl: Crawl, extra_starts: list[str]) -> None:
    starts = ["/", *START_PATHS[role], *extra_starts]
    if role in ENGLISH_ROLES:
        starts += ["/en/", *(f"/en{path}" for path in START_PATHS[role])]
    queue = [(url, "start") for url in starts]
    seen = set(starts)
    visits: dict = {}
    posted: set = set()
    while queue:
        url, referrer = queue.pop(0)
        kind = kind_of(url)
        if kind[0] != "page" and visits.get(kind, 0) >= PER_KIND and url not in starts:
            continue
        visits[kind] = visits.get(kind, 0) + 1
        response = client.get(url)
        if response.status_code in (301, 302):
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        if response.status_code not in (200, 400):
            crawl.failures.append(
                f"{role} GET {url}: {response.status_code} (linked from {referrer})"
            )
            continue
        crawl.add(f"{role} GET {url}", response)
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.find_all("a", href=True):
            target = followable(role, link["href"])
            if target and target not in seen:
                seen.add(target)
                queue.append((target, url))
        for form in soup.find_all("form"):
            if form.get("method", "get").lower() != "post":
                continue
            data = empty_submission(form)
            action = form.get("action") or url
            if data is None or followable(role, action) is None or action in posted:
                continue
            posted.add(action)
            answer = client.post(action, data)
            if answer.status_code in (200, 400) and answer.get("Content-Type", "").startswith(
                "text/html"
            ):
                crawl.add(f"{role} POST (empty) {action}", answer)


def page_templates() -> set[str]:
    """Our HTML templates that end up in a page (not emails, PDFs or the admins' screens)."""
    root = Path(__file__).resolve().parents[2] / "templates"
    names = {str(path.relative_to(root)) for path in root.rglob("*.html")}
    return {
        name
        for name in names
        if not name.startswith(("emails/", "certificates/pdf/", "wagtailadmin/", "wagtailusers/"))
        and "/admin/" not in name
    }


def url_names(patterns=None, namespace=""):
    """Every named URL of the site's own pages (not the admins; allauth's pages are in
    START_PATHS)."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            prefix = str(pattern.pattern)
            if prefix.startswith(("admin/", "django-admin/", "dokumenter/", "konto/")):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names
