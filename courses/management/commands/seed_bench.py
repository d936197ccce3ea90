"""A large, realistic data set for benchmarks: `manage.py seed_bench --courses 2000`.

Courses over the past two months and the coming eight, with one to three meetings, topics,
providers, people, signups (some courses full with a waiting list) and attendance for the
courses that have taken place. Everything is written with bulk_create, so 2,000 courses take
seconds, not minutes. Running it again adds another batch. Never runs in production.
"""

import random
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from accounts.models import User
from courses import demo
from courses.models import (
    Attendance,
    Audience,
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    Provider,
    Signup,
    SignupStatus,
    Topic,
    WaitingListMode,
)

PEOPLE_PER_COURSE = 2
FIRST_NAMES = [
    "Anne",
    "Bo",
    "Camilla",
    "Dan",
    "Emma",
    "Frederik",
    "Grethe",
    "Henrik",
    "Ida",
    "Jonas",
    "Karin",
    "Lasse",
    "Mette",
    "Nikolaj",
    "Olivia",
    "Peter",
    "Rikke",
    "Søren",
    "Tove",
    "Ulrik",
    "Vibeke",
    "William",
    "Yrsa",
    "Åse",
]
LAST_NAMES = [
    "Andersen",
    "Bech",
    "Christensen",
    "Dahl",
    "Eriksen",
    "Friis",
    "Hansen",
    "Iversen",
    "Jensen",
    "Kristensen",
    "Larsen",
    "Madsen",
    "Nielsen",
    "Olsen",
    "Pedersen",
    "Rasmussen",
    "Sørensen",
    "Thomsen",
    "Vestergaard",
    "Østergaard",
]
TOWNS = ["Kalundborg", "Høng", "Gørlev", "Svebølle", "Ubby", "Jerslev", "Rørby", "Havnsø"]


class Command(BaseCommand):
    help = "Create many courses with meetings, people, signups and attendance for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--courses", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (repeatable).")
        parser.add_argument(
            "--no-index", action="store_true", help="Skip the search index (faster)."
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("seed_bench refuses to run here: DEMO_CONTENT_ALLOWED is off.")
        count = options["courses"]
        if count < 1:
            raise CommandError("--courses must be at least 1.")
        rng = random.Random(options["seed"])
        started = time.monotonic()
        with transaction.atomic():
            topics, providers = self._catalogue()
            batch = Course.objects.filter(slug__startswith="bench-").count()
            people = self._people(count * PEOPLE_PER_COURSE, batch, rng)
            courses = self._courses(count, batch, topics, providers, rng)
            meetings = self._meetings(courses, rng)
            signups = self._signups(courses, people, rng)
            marks = self._attendance(courses, meetings, rng)
        if not options["no_index"]:
            get_search_backend().add_bulk(Course, courses)
        self.stdout.write(
            f"{len(courses)} courses, {sum(len(m) for m in meetings.values())} meetings, "
            f"{len(people)} people, {signups} signups, {marks} attendance marks "
            f"in {time.monotonic() - started:.1f} s"
        )

    def _catalogue(self):
        topics = []
        for slug, name, name_en, description in demo.TOPICS:
            topic, _ = Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "description": description}
            )
            topics.append(topic)
        providers = []
        for values in demo.PROVIDERS:
            provider, _ = Provider.objects.get_or_create(name=values["name"], defaults=values)
            providers.append(provider)
        return topics, providers

    def _people(self, count, batch, rng):
        users = [
            User(
                email=f"bench{batch}-{i}@bench.frivilligloeft.test",
                full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                password=make_password(None),  # unusable: bench people cannot log in
            )
            for i in range(count)
        ]
        return User.objects.bulk_create(users, batch_size=1000)

    def _courses(self, count, batch, topics, providers, rng):
        today = timezone.localdate()
        now = timezone.now()
        courses, topic_links = [], []
        for i in range(count):
            spec = rng.choice(demo.COURSES)
            day = today + timedelta(days=rng.randint(-60, 240))
            start = timezone.make_aware(datetime.combine(day, clock(rng.choice((17, 18, 19)))))
            status = rng.choices(
                [CourseStatus.PUBLISHED, CourseStatus.DRAFT, CourseStatus.CANCELLED],
                weights=[92, 5, 3],
            )[0]
            course = Course(
                title=f"{spec.title} – {rng.choice(TOWNS)}",
                slug=f"bench-{batch + i}-{slugify(spec.title)[:60]}",
                summary=spec.summary,
                description=spec.description,
                provider=rng.choice(providers),
                instructors=spec.instructors,
                audience=rng.choice(Audience.values),
                format=rng.choices(CourseFormat.values, weights=[70, 20, 10])[0],
                language=rng.choices(["da", "en"], weights=[95, 5])[0],
                venue_name=spec.place[0],
                venue_address=spec.place[1],
                capacity=rng.choice([None, 10, 12, 15, 20, 25, 30, 40]),
                status=status,
                waiting_list_mode=rng.choice(WaitingListMode.values),
                signup_deadline=start - timedelta(days=2),
                cancellation_deadline=start - timedelta(days=3),
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                cancelled_at=now if status == CourseStatus.CANCELLED else None,
            )
            courses.append(course)
        courses = Course.objects.bulk_create(courses, batch_size=500)
        for course in courses:
            for topic in rng.sample(topics, rng.choice((1, 1, 2, 3))):
                topic_links.append(Course.topics.through(course_id=course.pk, topic_id=topic.pk))
        Course.topics.through.objects.bulk_create(topic_links, batch_size=2000)
        return courses

    def _meetings(self, courses, rng):
        rows = []
        for course in courses:
            for week in range(rng.choices((1, 2, 3), weights=(60, 25, 15))[0]):
                start = course.starts_at + timedelta(weeks=week)
                rows.append(
                    Meeting(course=course, starts_at=start, ends_at=start + timedelta(hours=3))
                )
        rows = Meeting.objects.bulk_create(rows, batch_size=2000)
        by_course: dict[int, list[Meeting]] = {}
        for meeting in rows:
            by_course.setdefault(meeting.course_id, []).append(meeting)
        updates = []
        for course in courses:
            course.ends_at = by_course[course.pk][-1].ends_at
            updates.append(course)
        Course.objects.bulk_update(updates, ["ends_at"], batch_size=1000)
        return by_course

    def _signups(self, courses, people, rng):
        rows = []
        now = timezone.now()
        for course in courses:
            if course.status == CourseStatus.DRAFT:
                continue
            capacity = course.capacity or 30
            wanted = rng.randint(0, int(capacity * 1.4))
            chosen = rng.sample(people, min(wanted, len(people)))
            for index, person in enumerate(chosen):
                if index < capacity:
                    rows.append(
                        Signup(
                            course=course,
                            user=person,
                            status=SignupStatus.CONFIRMED,
                            confirmed_at=now,
                            show_name_to_participants=rng.random() < 0.5,
                        )
                    )
                else:
                    rows.append(
                        Signup(
                            course=course,
                            user=person,
                            status=SignupStatus.WAITLISTED,
                            waitlisted_at=now,
                            queue_number=index - capacity + 1,
                        )
                    )
        Signup.objects.bulk_create(rows, batch_size=2000)
        return len(rows)

    def _attendance(self, courses, meetings, rng):
        now = timezone.now()
        past = [c.pk for c in courses if c.ends_at < now and c.status == CourseStatus.PUBLISHED]
        signups = Signup.objects.filter(course_id__in=past, status=SignupStatus.CONFIRMED).only(
            "pk", "course_id"
        )
        rows = [
            Attendance(
                signup_id=signup.pk,
                meeting_id=meeting.pk,
                present=rng.random() < 0.85,
                marked_at=meeting.ends_at,
            )
            for signup in signups.iterator()
            for meeting in meetings[signup.course_id]
        ]
        Attendance.objects.bulk_create(rows, batch_size=2000)
        return len(rows)
