"""Every page a person can reach is valid HTML: the W3C Nu HTML checker (vnu) finds no error.

The demo content (`seed_demo`: courses, networks, associations, schools, certificates, CMS
pages) gives realistic pages. For each role the test starts at a few pages (front page, Mine
sider, the allauth pages) and follows the links it finds there, Danish and English, so a new
page is checked as soon as something links to it. Forms are also sent back empty, so pages
that show validation errors are checked too. Error pages (400, 403, 404, 429, 500, 503) are
rendered the way Django renders them. Every page is written to a temporary folder and vnu
runs once over all of them (Java starts slowly).

vnu comes from npm (`vnu-jar` in tests/tools/package.json; `make install-test-tools`) and needs
Java (`apt-get install default-jre-headless`). Without them the test is skipped with a reason,
unless FRIVILLIGLOEFT_REQUIRE_VNU=1 (set by .ci/run), which makes it fail.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.test import Client, RequestFactory
from django.test.signals import template_rendered
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone, translation
from django.views.defaults import bad_request, permission_denied
from wagtail.models import Locale, PageViewRestriction

from accounts.models import User
from accounts.services import unsubscribe_url
from accounts.sso.config import socialaccount_providers
from api import urls as api_urls
from calendars.services import regenerate_feed_token
from certificates.models import BatchStatus, Certificate, CertificateBatch
from certificates.services import revoke_certificate
from cms.models import GuidePage, StandardPage
from core.middleware import database_unavailable_response, server_error
from courses.models import Course, EvaluationInvitation, Meeting, Signup, SignupStatus
from courses.services.evaluations import hash_token as hash_evaluation_token
from networks.models import Network, NetworkMeeting
from networks.services.invitations import invite_by_email, revoke_invitation
from tests.cms.fixtures import make_image, publish
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory

TOOLS = Path(__file__).resolve().parent / "tools"
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
    "cms/demo/difficult_conversation_guide.html": "the demo's downloadable document",
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


def add_what_the_demo_lacks() -> dict[str, list[str]]:
    """States and blocks the demo content does not have; returns extra start paths per role
    (both languages where it matters)."""
    course_admin = User.objects.get(email=ROLES["course_administrator"])
    # A linked MitID login, so Mine sider's "Logins" page shows one linked and one not.
    SocialAccount.objects.create(
        user=User.objects.get(email=ROLES["volunteer"]), provider="mitid", uid="crawl"
    )
    # Every StreamField block: images and cards on a standard page, image and video in a guide.
    image = make_image("Frivillige i klubhuset")
    about = StandardPage.objects.filter(locale__language_code="da").live().first()
    about.body = [
        *about.body.raw_data,
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
        {
            "type": "cards",
            "value": {
                "heading": "Kom i gang",
                "cards": [
                    {
                        "title": "Kurser",
                        "text": "Find et kursus.",
                        "link": {"text": "Kurser", "page": None, "url": "/kurser/"},
                    }
                ],
            },
        },
    ]
    publish(about)
    guide = GuidePage.objects.filter(locale__language_code="da").live().first()
    guide.body = [
        *guide.body.raw_data,
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Frivillige rydder op", "caption": "Lørdag"},
        },
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Sådan holder I et godt møde",
                "text_alternative": "<p>Mødelederen byder velkommen.</p>",
            },
        },
    ]
    publish(guide)
    # A page an editor made private with a password.
    secret = StandardPage(title="Kun for bestyrelsen", slug="kun-for-bestyrelsen", intro="Lukket.")
    about.get_parent().add_child(instance=secret)
    publish(secret)
    english = publish(secret.copy_for_translation(Locale.objects.get(language_code="en")))
    for page in (secret, english):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    # Organiser tools: a certificate batch under way, a signup awaiting approval, a meeting's
    # attendance and a certificate to revoke.
    certified = (
        Course.objects.filter(organisers=course_admin, signups__certificates__isnull=False)
        .distinct()
        .first()
    )
    CertificateBatch.objects.create(
        course=certified, requested_by=course_admin, status=BatchStatus.RUNNING, total=9, issued=4
    )
    certificate = Certificate.objects.filter(source_signup__course=certified).first()
    meeting = certified.meetings.first()
    approval = Course.objects.filter(organisers=course_admin).exclude(pk=certified.pk).first()
    approval.requires_approval = True
    approval.save(update_fields=["requires_approval"])
    pending = SignupFactory(
        course=approval, user=UserFactory(), status=SignupStatus.PENDING, confirmed_at=None
    )
    # A calendar link exists, so "new link" asks for confirmation.
    regenerate_feed_token(User.objects.get(email=ROLES["volunteer"]))
    organiser = f"/kurser/{certified.slug}/arrangoer"
    # An upcoming course of theirs: adding a participant, cancelling one meeting.
    upcoming = (
        Meeting.objects.filter(
            course__organisers=course_admin,
            course__cancelled_at__isnull=True,
            cancelled_at__isnull=True,
            starts_at__gt=timezone.now(),
        )
        .select_related("course")
        .first()
    )
    upcoming_organiser = f"/kurser/{upcoming.course.slug}/arrangoer"
    transcript = Certificate.objects.get(holder__email=ROLES["volunteer"], kind="transcript")
    # The evaluation as its emailed link opens it: open, and already answered.
    evaluated = Course.objects.filter(evaluation_invitations__isnull=False).distinct().first()
    open_link, answered_link = "evaluering-kanariefugl-aaben", "evaluering-kanariefugl-besvaret"
    for token, person, answered in (
        (open_link, User.objects.get(email=ROLES["school_coordinator"]), False),
        (answered_link, User.objects.get(email=ROLES["volunteer_consultant"]), True),
    ):
        EvaluationInvitation.objects.create(
            course=evaluated,
            user=person,
            token_hash=hash_evaluation_token(token),
            sent_at=timezone.now(),
            answered=answered,
        )
    return {
        "anonymous": [
            secret.url,
            english.url,
            f"/kurser/evaluering/{open_link}/",
            f"/en/kurser/evaluering/{answered_link}/",
        ],
        "volunteer": [
            "/mine-sider/kalender/nyt-link/",
            "/en/mine-sider/kalender/nyt-link/",
            # The demo volunteer's competence transcript lists her qualifications (the crawl
            # reaches only a few verification pages, course certificates first).
            transcript.get_verification_url(),
        ],
        "course_administrator": [
            f"{organiser}/beviser/",
            f"{organiser}/beviser/{certificate.pk}/tilbagekald/",
            f"{organiser}/fremmoede/{meeting.pk}/",
            f"/kurser/{approval.slug}/arrangoer/tilmeldinger/{pending.pk}/afvis/",
            f"/kurser/{evaluated.slug}/arrangoer/evaluering/",
            f"{upcoming_organiser}/tilfoej-deltager/",
            f"/en{upcoming_organiser}/tilfoej-deltager/",
            f"{upcoming_organiser}/kursusgange/{upcoming.pk}/aflys/",
        ],
    }


def invitation_pages(crawl: Crawl, capture_on_commit) -> None:
    """An invitation link as its invitee, as a visitor, after it was withdrawn, and a wrong one."""
    consultant = User.objects.get(email=ROLES["volunteer_consultant"])
    invitee = User.objects.get(email=ROLES["school_coordinator"])
    network = Network.objects.exclude(memberships__user=invitee).first()
    with capture_on_commit(execute=True):
        (invitation,), _ = invite_by_email(network, [invitee.email], by=consultant)
    path = re.search(r"/netvaerk/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)
    own = Client()
    own.force_login(invitee)
    for client, who in ((own, "invitee"), (Client(), "anonymous")):
        for prefix in ("", "/en"):
            response = client.get(prefix + path)
            assert response.status_code == 200, (who, prefix, response.status_code)
            crawl.add(f"{who} GET {prefix}{path}", response)
    response = own.post(path, {})
    crawl.add(f"invitee POST (empty) {path}", response)
    someone_else = Client()
    someone_else.force_login(User.objects.get(email=ROLES["volunteer"]))
    for prefix in ("", "/en"):
        response = someone_else.get(prefix + path)
        assert response.status_code == 403, (prefix, response.status_code)
        crawl.add(f"someone else GET {prefix}{path}", response)
    revoke_invitation(invitation, by=consultant)
    response = own.get(path)
    assert response.status_code == 410
    crawl.add(f"410 GET {path} (withdrawn)", response)
    response = Client().get("/netvaerk/invitation/ikke-en-invitation/")
    assert response.status_code == 404
    crawl.add("404 GET /netvaerk/invitation/ikke-en-invitation/", response)


def association_invitation_pages(crawl: Crawl, capture_on_commit) -> None:
    """An invitation into an association as its invitee, as a visitor, as someone else (403),
    after it was withdrawn (410), and a wrong one (404), in both languages."""
    from associations.models import Association, RoleKind
    from associations.services import invite_person
    from associations.services import revoke_invitation as withdraw

    consultant = User.objects.get(email=ROLES["volunteer_consultant"])
    invitee = User.objects.get(email=ROLES["school_coordinator"])
    association = Association.objects.exclude(roles__user=invitee).first()
    with capture_on_commit(execute=True):
        invitation = invite_person(
            association, invitee.email, by=consultant, role=RoleKind.TREASURER, is_admin=True
        )
    path = re.search(r"/foreninger/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)
    own = Client()
    own.force_login(invitee)
    someone_else = Client()
    someone_else.force_login(User.objects.get(email=ROLES["volunteer"]))
    for client, who, status in ((own, "invitee", 200), (Client(), "anonymous", 200)):
        for prefix in ("", "/en"):
            response = client.get(prefix + path)
            assert response.status_code == status, (who, prefix, response.status_code)
            crawl.add(f"{who} GET {prefix}{path}", response)
    for prefix in ("", "/en"):
        response = someone_else.get(prefix + path)
        assert response.status_code == 403, (prefix, response.status_code)
        crawl.add(f"someone else GET {prefix}{path}", response)
    withdraw(invitation, by=consultant)
    for prefix in ("", "/en"):
        response = own.get(prefix + path)
        assert response.status_code == 410, (prefix, response.status_code)
        crawl.add(f"410 GET {prefix}{path} (withdrawn)", response)
        response = Client().get(f"{prefix}/foreninger/invitation/ikke-en-invitation/")
        assert response.status_code == 404
        crawl.add(f"404 GET {prefix}/foreninger/invitation/ikke-en-invitation/", response)


def refusal_pages(crawl: Crawl) -> None:
    """Pages that answer a refused action."""
    volunteer = User.objects.get(email=ROLES["volunteer"])
    client = Client()
    client.force_login(volunteer)
    meeting = NetworkMeeting.objects.filter(
        network__memberships__user=volunteer, starts_at__gt=timezone.now()
    ).first()
    path = f"/netvaerk/{meeting.network.slug}/moeder/{meeting.pk}/svar/"
    response = client.post(path, {})
    assert response.status_code == 400
    crawl.add(f"400 POST (empty) {path}", response)
    # A certificate PDF that cannot be made (WeasyPrint's libraries missing) is this page.
    request = RequestFactory().get("/mine-sider/beviser/")
    request.user = volunteer
    crawl.add(
        "503 certificate PDF unavailable", render(request, "certificates/pdf_unavailable.html")
    )
    # Giving a seat to someone who cancelled is refused in words (409).
    course_admin = User.objects.get(email=ROLES["course_administrator"])
    organiser = Client()
    organiser.force_login(course_admin)
    signup = SignupFactory(
        course=Course.objects.filter(organisers=course_admin).first(),
        user=UserFactory(),
        status=SignupStatus.CANCELLED,
    )
    for prefix in ("", "/en"):
        path = f"{prefix}/kurser/{signup.course.slug}/arrangoer/tilmeldinger/{signup.pk}/giv-plads/"
        response = organiser.post(path)
        assert response.status_code == 409, (path, response.status_code)
        crawl.add(f"409 POST {path}", response)
    login_provider_pages(crawl)


def open_badge_pages(crawl: Crawl) -> None:
    """/bevis/verificer/'s answers, in both languages: the demo volunteer's Open Badge as
    downloaded (valid), changed, revoked, from another issuer, and something else."""
    volunteer = User.objects.get(email=ROLES["volunteer"])
    owner = Client()
    owner.force_login(volunteer)
    mine = Certificate.objects.filter(holder=volunteer).first()
    other = Certificate.objects.exclude(holder=volunteer).first()
    badge = json.loads(owner.get(f"/mine-sider/beviser/{mine.pk}/open-badge.json?navn=1").content)
    revoked = json.loads(Client().get(other.get_credential_url()).content)
    revoke_certificate(other, reason="Udstedt ved en fejl")
    answers = {
        "valid": badge,
        "changed": {**badge, "name": "Noget andet"},
        "revoked": revoked,
        "another issuer": {**badge, "issuer": {**badge["issuer"], "id": "did:web:example.org"}},
        "not a credential": {"hej": "verden"},
    }
    for prefix in ("", "/en"):
        for label, document in answers.items():
            response = Client().post(f"{prefix}/bevis/verificer/", {"text": json.dumps(document)})
            crawl.add(f"{response.status_code} POST {prefix}/bevis/verificer/ ({label})", response)


def login_provider_pages(crawl: Crawl) -> None:
    """A provider login that failed, was refused, or needs a name and email address first
    (accounts/sso), in both languages: nothing here talks to the provider."""
    mitid = get_social_adapter().get_provider(None, "mitid")
    for prefix in ("", "/en"):
        client = Client()
        callback = f"{prefix}/konto/oidc/kommune/login/callback/"
        response = client.get(f"{callback}?error=server_error")
        assert response.status_code == 401
        crawl.add(f"401 GET {callback}?error=server_error", response)
        response = client.get(f"{prefix}/konto/3rdparty/login/cancelled/")
        assert response.status_code == 200
        crawl.add(f"GET {prefix}/konto/3rdparty/login/cancelled/", response)
        pending = SocialLogin(
            user=User(full_name="Ida Holm"),
            account=SocialAccount(provider="mitid", uid="crawl-signup"),
            provider=mitid,
        )
        session = client.session
        session["socialaccount_sociallogin"] = pending.serialize()
        session.save()
        response = client.get(f"{prefix}/konto/3rdparty/signup/")
        assert response.status_code == 200
        crawl.add(f"GET {prefix}/konto/3rdparty/signup/", response)
        response = client.post(f"{prefix}/konto/3rdparty/signup/", {})
        crawl.add(f"POST (empty) {prefix}/konto/3rdparty/signup/", response)


def error_pages(crawl: Crawl) -> None:
    """400, 403, 404, 429, 500 and 503 as the site answers them, in both languages."""
    anonymous = Client()
    for prefix in ("", "/en"):
        response = anonymous.get(f"{prefix}/findes-ikke/")
        assert response.status_code == 404
        crawl.add(f"404 {prefix}/findes-ikke/", response)
        response = anonymous.get(f"{prefix}/historier/?tag=%00")
        assert response.status_code == 400
        crawl.add(f"400 {prefix}/historier/?tag=%00", response)
    # CSRF failure: a form posted without its token.
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/konto/login/", {"login": "x@example.org", "password": "x"})
    assert response.status_code == 403
    crawl.add("403 (CSRF) POST /konto/login/", response)
    factory = RequestFactory()
    for path in ("/kurser/", "/en/kurser/"):
        # The site answers 404 rather than 403 to people who may not see something; the 403
        # page is Django's answer to PermissionDenied.
        request = factory.get(path)
        request.user = AnonymousUser()
        with translation.override(language_of(path)):
            crawl.add(f"403 {path}", permission_denied(request, PermissionDenied()))
            crawl.add(f"400 {path}", bad_request(request, BadRequest()))
    # An unknown certificate code: "not valid" in words, as a 404 (before the rate limit).
    crawl.add("404 /bevis/<unknown>/", anonymous.get("/bevis/ABCD-EFGH-JKMN-PQRS-T/"))
    # Too many certificate lookups from one address.
    for _ in range(100):
        response = anonymous.get("/bevis/?code=ABCD")
        if response.status_code == 429:
            break
    assert response.status_code == 429
    crawl.add("429 /bevis/", response)
    # allauth's own rate limit (login attempts) renders templates/429.html.
    for _ in range(100):
        response = anonymous.post(
            "/konto/login/", {"login": ROLES["volunteer"], "password": "forkert"}
        )
        if response.status_code == 429:
            break
    assert response.status_code == 429
    crawl.add("429 POST /konto/login/", response)
    for path in ("/kurser/", "/en/kurser/"):
        request = factory.get(path)
        for error in (OperationalError("database is locked"), InterfaceError("connection")):
            response = database_unavailable_response(request, error)
            crawl.add(f"503 {path} ({error})", response)
        try:
            raise ValueError("a bug")  # server_error reads sys.exc_info()
        except ValueError:
            crawl.add(f"500 {path}", server_error(request))


def cancel_and_undo(crawl: Crawl) -> None:
    """Afmeld mig asks first (a GET form the crawl does not send), then the course page
    offers to undo; undoing puts the demo volunteer's seat back for the rest of the crawl."""
    client = Client()
    user = User.objects.get(email=ROLES["volunteer"])
    client.force_login(user)
    signup = Signup.objects.filter(user=user, status="confirmed", course__capacity__isnull=False)
    course = signup.select_related("course").order_by("course__starts_at").first().course
    crawl.add("volunteer GET cancel question", client.get(f"/kurser/{course.slug}/afmeld/"))
    client.post(f"/kurser/{course.slug}/afmeld/")
    crawl.add("volunteer GET course with undo", client.get(f"/kurser/{course.slug}/"))
    client.post(f"/kurser/{course.slug}/fortryd-afmelding/")


def personal_links(crawl: Crawl) -> None:
    """Pages reached from an email: confirming an address, choosing a new password."""
    anonymous = Client()
    user = User.objects.get(email=ROLES["volunteer"])
    address = EmailAddress.objects.get(user=user, primary=True)
    key = EmailConfirmationHMAC(address).key
    response = anonymous.get(f"/konto/confirm-email/{key}/")
    crawl.add("GET email confirmation link", response)
    token = default_token_generator.make_token(user)
    response = anonymous.get(
        f"/konto/password/reset/key/{user_pk_to_url_str(user)}-{token}/", follow=True
    )
    crawl.add("GET password reset link", response)
    # The link that turns a kind of email off (accounts), without a login: asked, done, bad.
    unsubscribe = urlsplit(unsubscribe_url(user, "course_reminders")).path
    crawl.add("GET unsubscribe link", anonymous.get(unsubscribe))
    crawl.add("POST unsubscribe link", anonymous.post(unsubscribe, {"action": "unsubscribe"}))
    crawl.add("GET bad unsubscribe link", anonymous.get("/mine-sider/e-mails/afmeld/x/"))


def organiser_tool_pages(crawl: Crawl, capture_on_commit) -> None:
    """Check-in at the door (the QR code's page on a meeting day and on another day, the list
    with a search), the signup questions (form with errors, answers in the overview) and the
    message preview and log, in both languages."""
    from datetime import timedelta

    from courses.models import Meeting, QuestionKind, Signup, SignupQuestion
    from courses.services import sign_up
    from courses.services.checkin import checkin_url

    course_admin = User.objects.get(email=ROLES["course_administrator"])
    organiser = Client()
    organiser.force_login(course_admin)
    course = (
        Course.objects.filter(
            organisers=course_admin,
            status="published",
            signups__status=SignupStatus.CONFIRMED,
            starts_at__gt=timezone.now(),
        )
        .distinct()
        .first()
    )
    now = timezone.localtime()
    today = Meeting.objects.create(
        course=course, starts_at=now, ends_at=now + timedelta(minutes=1), title="Indtjekning"
    )
    SignupQuestion.objects.create(course=course, sort_order=0, text="Klub", required=True)
    SignupQuestion.objects.create(
        course=course, sort_order=1, text="Vegetar?", kind=QuestionKind.YES_NO
    )
    SignupQuestion.objects.create(
        course=course, sort_order=2, text="Niveau", kind=QuestionKind.CHOICE, options="A\nB"
    )
    newcomer = Client()
    newcomer_user = UserFactory()
    newcomer.force_login(newcomer_user)
    base = f"/kurser/{course.slug}"
    for prefix in ("", "/en"):
        crawl.add(f"GET {prefix}{base}/ (questions)", newcomer.get(f"{prefix}{base}/"))
        crawl.add(
            f"400 POST {prefix}{base}/tilmeld/ (questions)",
            newcomer.post(f"{prefix}{base}/tilmeld/", {}),
        )
    with capture_on_commit(execute=True):
        signup = sign_up(
            course,
            newcomer_user,
            answers=dict(
                zip(
                    course.questions.order_by("sort_order").values_list("pk", flat=True),
                    ["Roklubben", "yes", "B"],
                    strict=True,
                )
            ),
        )
    other_day = (
        Signup.objects.filter(course__organisers=course_admin, status=SignupStatus.CONFIRMED)
        .exclude(course=course)
        .first()
    )
    for prefix in ("", "/en"):
        crawl.add(
            f"GET {prefix}{base}/min-tilmelding/", newcomer.get(f"{prefix}{base}/min-tilmelding/")
        )
        crawl.add(
            f"GET {prefix}{base}/arrangoer/ (answers)", organiser.get(f"{prefix}{base}/arrangoer/")
        )
        listing = f"{prefix}{base}/arrangoer/tjek-ind/{today.pk}/"
        crawl.add(f"GET {listing}", organiser.get(listing))
        crawl.add(f"GET {listing}?q=", organiser.get(listing, {"q": "ingen-hedder-sådan"}))
        for who, code in (("today", signup), ("another day", other_day)):
            path = re.sub(r"^https?://[^/]+", "", checkin_url(code))
            crawl.add(f"GET {prefix}{path} ({who})", organiser.get(prefix + path))
        message = {"recipients": "confirmed", "subject": "Lokale", "body": "Hej alle,\n\nSal 2."}
        crawl.add(
            f"POST {prefix}{base}/arrangoer/skriv/ (preview)",
            organiser.post(f"{prefix}{base}/arrangoer/skriv/", message),
        )
    organiser.post(f"{base}/arrangoer/tjek-ind/{today.pk}/{signup.pk}/")
    crawl.add(
        "GET check-in list after a check-in",
        organiser.get(f"{base}/arrangoer/tjek-ind/{today.pk}/"),
    )
    with capture_on_commit(execute=True):
        organiser.post(f"{base}/arrangoer/skriv/", {**message, "action": "send"})
    for prefix in ("", "/en"):
        crawl.add(
            f"GET {prefix}{base}/arrangoer/beskeder/",
            organiser.get(f"{prefix}{base}/arrangoer/beskeder/"),
        )


def page_templates() -> set[str]:
    """Our HTML templates that end up in a page (not emails, PDFs or the admins' screens)."""
    root = Path(__file__).resolve().parent.parent / "templates"
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


@pytest.mark.django_db
def test_every_page_is_valid_html(
    tmp_path, django_capture_on_commit_callbacks, settings, demo_site
):
    command, reason = vnu_command()
    if command is None:
        if VNU_REQUIRED:
            pytest.fail(f"FRIVILLIGLOEFT_REQUIRE_VNU=1 but {reason}")
        pytest.skip(reason)
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(CRAWL_LOGIN_PROVIDERS)
    crawl = Crawl()
    template_rendered.connect(crawl.saw_template)
    try:
        extra_starts = add_what_the_demo_lacks()
        for role, email in ROLES.items():
            client = Client()
            if email:
                client.force_login(User.objects.get(email=email))
            crawl_role(role, client, crawl, extra_starts.get(role, []))
        personal_links(crawl)
        cancel_and_undo(crawl)
        organiser_tool_pages(crawl, django_capture_on_commit_callbacks)
        invitation_pages(crawl, django_capture_on_commit_callbacks)
        association_invitation_pages(crawl, django_capture_on_commit_callbacks)
        refusal_pages(crawl)
        open_badge_pages(crawl)
        error_pages(crawl)
    finally:
        template_rendered.disconnect(crawl.saw_template)

    # A page with a known error runs along: a checker that checks nothing cannot pass.
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    labels = {canary.name: "canary"}
    for number, (label, html) in enumerate(crawl.pages):
        path = tmp_path / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        labels[path.name] = label
    messages = run_vnu(command, tmp_path, [tmp_path / name for name in labels])
    found = [(labels.get(Path(m.get("url", "")).name, m.get("url")), m) for m in messages]
    assert [m["message"] for label, m in found if label == "canary"] == [
        "Attribute “hx-get” not allowed on element “div” at this point."
    ]
    errors = [(label, m) for label, m in found if label != "canary"]
    report = "\n".join(
        f"{label}: line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()!r}"
        for label, m in errors
    )
    print(f"vnu checked {len(crawl.pages)} pages: {len(errors)} errors")  # noqa: T201
    assert errors == [], f"vnu found {len(errors)} errors in {len(crawl.pages)} pages:\n{report}"
    # The crawl must keep reaching every page, or pages would silently go unchecked.
    unvisited = sorted(url_names() - crawl.view_names - set(NOT_PAGES))
    unrendered = sorted(page_templates() - crawl.templates - set(NOT_RENDERED))
    assert (crawl.failures, unvisited, unrendered) == ([], [], []), (
        "\n".join(crawl.failures)
        + f"\nURL names never visited: {', '.join(unvisited)}"
        + f"\ntemplates never rendered: {', '.join(unrendered)}"
    )


def test_a_login_restricted_page_sends_visitors_to_the_site_login(client, standard_page):
    """Not to Wagtail's unstyled login page (wagtailcore_login)."""
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/om/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/om/"


def test_a_password_protected_page_asks_in_the_site_layout(client, standard_page):
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )

    response = client.get("/om/")

    assert response.status_code == 200
    assert [t.name for t in response.templates][:2] == [
        "wagtailcore/password_required.html",
        "base.html",
    ]
    assert "Du skal bruge en adgangskode for at se denne side." in response.text
