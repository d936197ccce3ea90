"""Pages no link leads to, fetched on purpose for the crawl: invitations, refusals, Open Badges,
login providers and the error pages.
"""

import json
import re

from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.views.defaults import bad_request, permission_denied

from accounts.models import User
from certificates.models import Certificate
from certificates.services import revoke_certificate
from core.middleware import database_unavailable_response, server_error
from courses.models import Course, SignupStatus
from networks.models import Network, NetworkMeeting
from networks.services.invitations import invite_by_email, revoke_invitation
from schools.models import ThemeWeek, ThemeWeekStatus
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory
from tests.html_crawl.crawler import (
    ROLES,
    Crawl,
    language_of,
)


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
    # An evaluation link cut short or mistyped (404 with what to check).
    for prefix in ("", "/en"):
        path = f"{prefix}/kurser/evaluering/ikke-et-link/"
        response = Client().get(path)
        assert response.status_code == 404, (path, response.status_code)
        crawl.add(f"404 GET {path}", response)
    # Cancelling a theme week asks once more before it emails the associations.
    coordinator = Client()
    coordinator.force_login(User.objects.get(email=ROLES["school_coordinator"]))
    week = ThemeWeek.objects.filter(school__coordinators__email=ROLES["school_coordinator"]).first()
    path = reverse("schools:theme_week_status", args=[week.pk])
    response = coordinator.post(path, {"status": ThemeWeekStatus.CANCELLED})
    assert response.status_code == 200, (path, response.status_code)
    crawl.add(f"200 POST (cancel, not confirmed) {path}", response)
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
