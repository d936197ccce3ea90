"""States the demo content lacks, made for the crawl so their pages are checked too: offers,
pending requests, cancelled signups, personal links and the organiser tools.
"""

import re
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from accounts.models import User
from accounts.services import unsubscribe_url
from calendars.services import regenerate_feed_token
from certificates.models import BatchStatus, Certificate, CertificateBatch
from cms.models import GuidePage, StandardPage
from courses.models import Course, EvaluationInvitation, Meeting, Signup, SignupStatus
from courses.services.evaluations import hash_token as hash_evaluation_token
from tests.cms.fixtures import make_image, publish
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory
from tests.html_crawl.crawler import (
    ROLES,
    Crawl,
)


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
