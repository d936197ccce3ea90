"""Pick the URLs the benchmark drives and create what they need; prints them as JSON.

Run by bench/run.py against the benchmark database after seeding:
`python -m bench.targets` → {"name": "/path", …}. Idempotent.
"""

import json

from bench.django_setup import setup

setup()

from django.apps import apps  # noqa: E402
from django.utils import timezone  # noqa: E402

from cms.models import GuidePage  # noqa: E402
from courses.queries import catalogue_courses  # noqa: E402
from taxonomy.models import Topic  # noqa: E402


def course_targets() -> dict[str, str]:
    upcoming = catalogue_courses().filter(slug__startswith="bench-")
    course = upcoming.filter(meetings__isnull=False).order_by("starts_at").first()
    topic = Topic.objects.filter(courses__in=upcoming).order_by("slug").first()
    return {
        "/kurser/": "/kurser/",
        "/kurser/?topic=…&format=…": f"/kurser/?topic={topic.slug}&format=in_person",
        "/kurser/<slug>/": f"/kurser/{course.slug}/",
        # The public API's course list: the catalogue's first page as JSON, and filtered.
        "/api/v1/courses/": "/api/v1/courses/",
        "/api/v1/courses/?topic=…": f"/api/v1/courses/?topic={topic.slug}",
    }


def guide_target() -> dict[str, str]:
    guide = GuidePage.objects.live().filter(slug__startswith="bench-").order_by("pk").first()
    return {"guide page": guide.url}


def _event_count(path: str) -> int:
    from django.test import Client

    body = Client(HTTP_HOST="127.0.0.1").get(path).content
    return body.count(b"BEGIN:VEVENT")


def feed_targets() -> dict[str, str]:
    """The public course feed (about 1,000 events, and whole, for information) and a personal
    feed with about 100 events."""
    from django.db.models import Count

    from accounts.models import User
    from calendars.services import regenerate_feed_token
    from courses.models import Meeting, Signup, SignupStatus

    upcoming = Meeting.objects.filter(
        course__in=catalogue_courses(), starts_at__gte=timezone.now()
    ).order_by("starts_at")
    thousandth = upcoming[999:1000].first() or upcoming.last()
    about_1000 = f"/kalender/kurser.ics?date_to={timezone.localdate(thousandth.starts_at)}"
    whole = "/kalender/kurser.ics"

    user, _ = User.objects.get_or_create(
        email="bench-feed@bench.frivilligloeft.test", defaults={"full_name": "Kalender Bruger"}
    )
    if not Signup.objects.filter(user=user).exists():
        courses, events = [], 0
        candidates = (
            catalogue_courses()
            .filter(slug__startswith="bench-")
            .annotate(meeting_total=Count("meetings"))
            .order_by("pk")
        )
        for course in candidates:
            if events >= 100:
                break
            courses.append(course)
            events += course.meeting_total
        now = timezone.now()
        Signup.objects.bulk_create(
            Signup(course=c, user=user, status=SignupStatus.CONFIRMED, confirmed_at=now)
            for c in courses
        )
    personal = f"/kalender/{regenerate_feed_token(user)}.ics"
    return {
        f"/kalender/kurser.ics?date_to=… ({_event_count(about_1000)} events)": about_1000,
        f"personal feed ({_event_count(personal)} events)": personal,
        f"/kalender/kurser.ics, whole ({_event_count(whole)} events) [info]": whole,
    }


def certificate_target() -> dict[str, str]:
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(revoked_at=None).order_by("pk").first()
    return {"/bevis/<code>/": certificate.get_verification_url()}


def impact_report_target() -> dict[str, str]:
    """The impact report over the last year of seed_bench's 2,000 courses, as a staff user
    (bench/urls.py serves it without a login session). Staff-only: no budget, information."""
    from datetime import timedelta

    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import Role
    from bench.urls import BENCH_STAFF_EMAIL

    user, created = User.objects.get_or_create(
        email=BENCH_STAFF_EMAIL, defaults={"full_name": "Rapport Læser", "is_staff": True}
    )
    if created:
        user.groups.add(Group.objects.get(name=Role.COURSE_ADMINISTRATOR))
    today = timezone.localdate()
    start = today - timedelta(days=364)
    return {
        "/admin/reports/impact/ (staff, last 12 months) [info]": (
            f"/bench/impact-report/?from={start.isoformat()}&to={today.isoformat()}"
        )
    }


def main() -> None:
    targets = {"bare view (baseline)": "/bench/bare/", "/": "/"}
    targets.update(course_targets())
    targets.update(guide_target())
    if apps.is_installed("calendars"):
        targets.update(feed_targets())
    if apps.is_installed("certificates"):
        targets.update(certificate_target())
    if apps.is_installed("insights"):
        targets.update(impact_report_target())
    print(json.dumps(targets))


if __name__ == "__main__":
    main()
