"""Benchmark data for courses: `manage.py seed_bench` calls `seed()`.

Courses over the past two months and the coming eight, with one to five meetings (three on
average), topics, providers, people, signups (some courses full with a waiting list) and
attendance for the courses that have taken place. Everything is written with bulk_create, so
2,000 courses take seconds, not minutes. Running it again adds another batch.
"""

import random
from datetime import datetime, timedelta
from datetime import time as clock

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend

from accounts.models import User
from courses import demo
from courses.models import (
    Attendance,
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    Provider,
    Signup,
    SignupStatus,
    WaitingListMode,
)
from taxonomy.models import Audience, Topic


def seed(command, scale, rng: random.Random) -> str:
    topics, providers = _catalogue()
    batch = Course.objects.filter(slug__startswith="bench-").count()
    people = _people(scale.users, batch, rng)
    courses = _courses(scale.courses, batch, topics, providers, rng)
    meetings = _meetings(courses, rng)
    signups = _signups(courses, people, scale.signups, rng)
    marks = _attendance(courses, meetings, rng)
    if scale.index:
        get_search_backend().add_bulk(Course, courses)
    return (
        f"{len(courses)} courses, {sum(len(m) for m in meetings.values())} meetings, "
        f"{len(people)} people, {signups} signups, {marks} attendance marks"
    )


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


def _catalogue():
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


def _people(count, batch, rng):
    users = [
        User(
            email=f"bench{batch}-{i}@bench.frivilligloeft.test",
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            password=make_password(None),  # unusable: bench people cannot log in
        )
        for i in range(count)
    ]
    return User.objects.bulk_create(users, batch_size=1000)


def _courses(count, batch, topics, providers, rng):
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


def _meetings(courses, rng):
    rows = []
    for course in courses:
        for week in range(rng.choices((1, 2, 3, 4, 5), weights=(25, 20, 20, 20, 15))[0]):
            start = course.starts_at + timedelta(weeks=week)
            rows.append(Meeting(course=course, starts_at=start, ends_at=start + timedelta(hours=3)))
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


def _signups(courses, people, target, rng):
    """About `target` signups: confirmed up to capacity, then the waiting list in FIFO order."""
    rows = []
    now = timezone.now()
    open_courses = [course for course in courses if course.status != CourseStatus.DRAFT]
    average = target / max(len(open_courses), 1)
    for course in open_courses:
        capacity = course.capacity or 10_000
        wanted = min(round(rng.uniform(0, 2 * average)), len(people))
        chosen = rng.sample(people, wanted)
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


def _attendance(courses, meetings, rng):
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
