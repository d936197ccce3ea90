"""The uncached section's targets: the pages as a logged-in person and as an anonymous visitor
on the first view after an edit, i.e. with the anonymous page cache off.

`prepare()` creates (idempotently) what the pages need on top of `seed_demo` + `seed_bench`:

- a volunteer with realistic data: a seeded person who already holds a course certificate
  and has signups, plus three upcoming confirmed signups and active membership of two
  networks;
- an organiser of a course with 100 confirmed participants (the participant overview);
- a course with unlimited seats for the signup POST, and people who have not signed up yet.

`targets()` answers the list the benchmarks drive: name, path, who is logged in (an email or
None) and the method. Used by bench/inprocess.py (in-process cost as a multiple of the bare
view) and bench/run.py (wrk, with a session cookie for the logged-in targets).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

DOMAIN = "bench.frivilligloeft.test"
ORGANISER_EMAIL = f"bench-organiser@{DOMAIN}"
SIGNUP_SLUG = "bench-signup-post"
OVERVIEW_SLUG = "bench-organiser-overview"
PARTICIPANTS = 100
SIGNUP_PEOPLE = 2000


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    user: str | None = None  # email of the logged-in person
    method: str = "GET"


def _clone_course(template, slug: str, **changes):
    """A published upcoming course like `template` (its topics and meetings too)."""
    from courses.models import Course, Meeting

    existing = Course.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    topics = list(template.topics.all())
    meetings = list(template.meetings.all())
    course = Course.objects.get(pk=template.pk)
    course.pk = course.id = None
    course.slug = slug
    course.title = f"{template.title} ({slug})"
    for field, value in changes.items():
        setattr(course, field, value)
    course.save()
    course.topics.set(topics)
    course.save()
    Meeting.objects.bulk_create(
        Meeting(course=course, starts_at=m.starts_at, ends_at=m.ends_at) for m in meetings
    )
    return course


def _upcoming_template():
    from courses.models import Course, CourseStatus

    return (
        Course.objects.filter(
            slug__startswith="bench-",
            status=CourseStatus.PUBLISHED,
            starts_at__gte=timezone.now() + timedelta(days=14),
            requires_approval=False,
        )
        .annotate(meeting_total=Count("meetings"))
        .filter(meeting_total__gte=2)
        .order_by("starts_at", "pk")
        .first()
    )


def volunteer():
    """The seeded person with a certificate and the most signups (ties: lowest id)."""
    from certificates.models import Certificate
    from courses.models import Signup

    holders = Certificate.objects.filter(holder__email__endswith=DOMAIN).values("holder_id")
    best = (
        Signup.objects.filter(user_id__in=holders)
        .values("user_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "user_id")
        .first()
    )
    from accounts.models import User

    return User.objects.get(pk=best["user_id"])


@transaction.atomic
def prepare() -> dict:
    from accounts.models import User
    from courses.models import Course, Signup, SignupStatus
    from networks.models import Membership, MembershipStatus, Network

    now = timezone.now()
    template = _upcoming_template()
    person = volunteer()

    # Three more upcoming confirmed signups for the volunteer (Mine sider, Mine kurser).
    if not Signup.objects.filter(user=person, course__starts_at__gte=now).count() >= 3:
        taken = Signup.objects.filter(user=person).values("course_id")
        upcoming = (
            Course.objects.filter(slug__startswith="bench-", starts_at__gte=now, capacity=None)
            .exclude(pk__in=taken)
            .order_by("starts_at")[:3]
        )
        Signup.objects.bulk_create(
            Signup(course=c, user=person, status=SignupStatus.CONFIRMED, confirmed_at=now)
            for c in upcoming
        )

    networks = list(Network.objects.order_by("pk")[:2])
    for network in networks:
        Membership.objects.update_or_create(
            network=network, user=person, defaults={"status": MembershipStatus.ACTIVE}
        )

    # The organiser's course with 100 confirmed participants.
    organiser, _ = User.objects.get_or_create(
        email=ORGANISER_EMAIL, defaults={"full_name": "Arrangør Bench"}
    )
    overview = _clone_course(template, OVERVIEW_SLUG, capacity=PARTICIPANTS + 20)
    Course.organisers.through.objects.get_or_create(course=overview, user=organiser)
    if not overview.signups.exists():
        # Seeded people (bench<batch>-<i>@…); never the volunteer or the organiser.
        people = list(
            User.objects.filter(email__regex=r"^bench[0-9]+-[0-9]+@")
            .exclude(pk=person.pk)
            .order_by("pk")[:PARTICIPANTS]
        )
        Signup.objects.bulk_create(
            Signup(
                course=overview,
                user=p,
                status=SignupStatus.CONFIRMED,
                confirmed_at=now,
                association="Bench forening",
            )
            for p in people
        )

    # The signup POST: a course with unlimited seats and people who have not signed up.
    _clone_course(template, SIGNUP_SLUG, capacity=None)
    existing = User.objects.filter(email__startswith="bench-signup-").count()
    User.objects.bulk_create(
        User(email=f"bench-signup-{i}@{DOMAIN}", full_name=f"Tilmelder {i}")
        for i in range(existing, SIGNUP_PEOPLE)
    )
    return {"volunteer": person.email, "networks": [n.slug for n in networks]}


def signup_people():
    """Emails of people not yet signed up for the signup POST's course (in order)."""
    from accounts.models import User

    return list(
        User.objects.filter(email__startswith="bench-signup-")
        .exclude(course_signups__course__slug=SIGNUP_SLUG)
        .order_by("pk")
        .values_list("email", flat=True)
    )


def targets() -> list[Target]:
    from cms.models import GuidePage
    from courses.models import Course
    from courses.queries import catalogue_courses
    from taxonomy.models import Topic

    info = prepare()
    person = info["volunteer"]
    upcoming = catalogue_courses().filter(slug__startswith="bench-")
    course = upcoming.filter(meetings__isnull=False).order_by("starts_at").first()
    topic = Topic.objects.filter(courses__in=upcoming).order_by("slug").first()
    guide = GuidePage.objects.live().filter(slug__startswith="bench-").order_by("pk").first()
    filtered = f"/kurser/?topic={topic.slug}&format=in_person"
    network = info["networks"][0]
    overview = Course.objects.get(slug=OVERVIEW_SLUG)
    result = [
        Target("/ (anonymous)", "/"),
        Target("/kurser/ (anonymous)", "/kurser/"),
        Target("/kurser/?topic=…&format=… (anonymous)", filtered),
        Target("/kurser/<slug>/ (anonymous)", course.get_absolute_url()),
        Target("guide page (anonymous)", guide.url),
        Target("/foreninger/ (anonymous)", "/foreninger/"),
        Target("/skoler/praktik/ (anonymous)", "/skoler/praktik/"),
        Target("/ (volunteer)", "/", person),
        Target("/kurser/ (volunteer)", "/kurser/", person),
        Target("/kurser/?topic=…&format=… (volunteer)", filtered, person),
        Target("/kurser/<slug>/ (volunteer)", course.get_absolute_url(), person),
        Target("guide page (volunteer)", guide.url, person),
        Target("/mine-sider/ (volunteer)", "/mine-sider/", person),
        Target("/mine-sider/kurser/ (volunteer)", "/mine-sider/kurser/", person),
        Target("/netvaerk/<slug>/ (member)", f"/netvaerk/{network}/", person),
        Target("/foreninger/ (volunteer)", "/foreninger/", person),
        Target("/skoler/praktik/ (volunteer)", "/skoler/praktik/", person),
        Target(
            f"participant overview, {PARTICIPANTS} participants (organiser)",
            f"/kurser/{overview.slug}/arrangoer/",
            ORGANISER_EMAIL,
        ),
        Target(
            "signup POST (new person each time)", f"/kurser/{SIGNUP_SLUG}/tilmeld/", method="POST"
        ),
    ]
    return result


def main() -> None:
    """Print the GET targets as JSON for wrk, each with a session cookie for its person."""
    import json

    from django.test import Client

    from accounts.models import User

    sessions: dict[str, str] = {}
    rows = []
    for target in targets():
        if target.method != "GET":
            continue  # the signup POST is measured in-process and by the storm
        cookie = ""
        if target.user:
            if target.user not in sessions:
                client = Client()
                client.force_login(User.objects.get(email=target.user))
                sessions[target.user] = client.cookies["sessionid"].value
            cookie = f"sessionid={sessions[target.user]}"
        rows.append({"name": target.name, "path": target.path, "cookie": cookie})
    print("UNCACHED " + json.dumps(rows))


if __name__ == "__main__":
    from bench.django_setup import setup

    setup()
    main()
