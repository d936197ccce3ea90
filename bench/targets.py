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
from courses.models import Topic  # noqa: E402
from courses.queries import catalogue_courses  # noqa: E402


def course_targets() -> dict[str, str]:
    upcoming = catalogue_courses().filter(slug__startswith="bench-")
    course = upcoming.filter(meetings__isnull=False).order_by("starts_at").first()
    topic = Topic.objects.filter(courses__in=upcoming).order_by("slug").first()
    return {
        "/kurser/": "/kurser/",
        "/kurser/?topic=…&format=…": f"/kurser/?topic={topic.slug}&format=in_person",
        "/kurser/<slug>/": f"/kurser/{course.slug}/",
    }


def guide_target() -> dict[str, str]:
    guide = GuidePage.objects.live().filter(slug__startswith="bench-").order_by("pk").first()
    return {"guide page": guide.url}


def _event_count(path: str) -> int:
    from django.test import Client

    body = Client(HTTP_HOST="127.0.0.1").get(path).content
    return body.count(b"BEGIN:VEVENT")


def feed_targets() -> dict[str, str]:
    """The public course feed (whole and one topic) and a personal feed with 100 courses."""
    from accounts.models import User
    from calendars.services import regenerate_feed_token
    from courses.models import Signup, SignupStatus

    topic = Topic.objects.filter(slug="bestyrelsesarbejde").first() or Topic.objects.first()
    public = "/kalender/kurser.ics"
    filtered = f"/kalender/kurser.ics?topic={topic.slug}"
    user, _ = User.objects.get_or_create(
        email="bench-feed@bench.frivilligloeft.test", defaults={"full_name": "Kalender Bruger"}
    )
    if not Signup.objects.filter(user=user).exists():
        courses = catalogue_courses().filter(slug__startswith="bench-").order_by("pk")[:100]
        Signup.objects.bulk_create(
            Signup(
                course=course, user=user, status=SignupStatus.CONFIRMED, confirmed_at=timezone.now()
            )
            for course in courses
        )
    personal = f"/kalender/{regenerate_feed_token(user)}.ics"
    return {
        f"/kalender/kurser.ics ({_event_count(public)} events)": public,
        f"/kalender/kurser.ics?topic=… ({_event_count(filtered)} events)": filtered,
        f"personal feed ({_event_count(personal)} events)": personal,
    }


def main() -> None:
    targets = {"bare view (baseline)": "/bench/bare/", "/": "/"}
    targets.update(course_targets())
    targets.update(guide_target())
    if apps.is_installed("calendars"):
        targets.update(feed_targets())
    print(json.dumps(targets))


if __name__ == "__main__":
    main()
