"""Demo courses: ten topics, four providers and about 25 courses over the coming months.

Some courses are full with a waiting list, one offers freed seats for a limited time, one
needs approval, one is cancelled, and one has already taken place — the demo volunteer
(frivillig@frivilligloeft.test) completed it. Dates are relative to the day of seeding.
Idempotent: topics, providers, people and courses are looked up by their natural keys and
only what is missing is created. The content is courses/demo_data/courses.yaml; a year of past
runs with evaluations, and course wishes with support, come from courses/demo_activity.py.
"""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.utils import timezone

from accounts.models import User
from core.demo_support import load_demo_data
from core.holidays import is_day_off, next_working_day
from courses import services
from courses.demo_activity import seed_activity
from courses.models import (
    Attendance,
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    Provider,
    QualificationKind,
    Signup,
    SignupStatus,
    Topic,
    WaitingListMode,
)

VOLUNTEER = "frivillig@frivilligloeft.test"
COURSE_ADMIN = "kursus@frivilligloeft.test"
DATA = load_demo_data("courses", "courses")
PLACES = {key: (place["name"], place["address"]) for key, place in DATA["places"].items()}


def _course(data: dict) -> SimpleNamespace:
    values = {**DATA["defaults"], **data}
    values["provider"] = DATA["providers"][data["provider"]]["name"]
    values["place"] = PLACES[values["place"]]
    values["description"] = "".join(f"<p>{text}</p>" for text in data["description"])
    values["meetings"] = [(m["days_from_today"], m["at"], m["until"]) for m in data["meetings"]]
    return SimpleNamespace(**values)


# Read by courses/bench.py too: (slug, name, English name, description), provider fields, courses.
TOPICS = [(t["slug"], t["name"], t["name_en"], t["description"]) for t in DATA["topics"]]
PROVIDERS = list(DATA["providers"].values())
COURSES = [_course(data) for data in DATA["courses"]]
ASSOCIATIONS = DATA["associations"]
# Made-up CVR numbers for the demo associations' invoices.
DEMO_CVR = {name: f"9999{index:04d}" for index, name in enumerate(ASSOCIATIONS, start=1) if name}


def seed_qualifications() -> dict[str, QualificationKind]:
    kinds = {}
    for data in DATA["qualifications"]:
        kinds[data["name"]], _ = QualificationKind.objects.get_or_create(
            name=data["name"], defaults={key: data[key] for key in data if key != "name"}
        )
    return kinds


def _at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _course_day(today: date, offset: int, start: str) -> date:
    """The offset day moved to the next Saturday for daytime courses, else to the next
    Monday–Thursday evening, skipping Danish days off (core.holidays)."""
    day = today + timedelta(days=offset)
    weekdays = (5,) if start < "12:00" else (0, 1, 2, 3)
    # Never on a public holiday, Christmas Eve or New Year's Eve.
    return next_working_day(day, weekdays)


def _past_day(today: date, offset: int) -> date:
    """A day in the past that was no day off (moved back when it was)."""
    day = today + timedelta(days=offset)
    while is_day_off(day):
        day -= timedelta(days=1)
    return day


def _people() -> list[User]:
    people = []
    for number, name in enumerate(DATA["participants"], start=1):
        email = f"deltager{number:02d}@frivilligloeft.test"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, full_name=name)
        people.append(user)
    return people


def _add_demo_invoicing(rows: list[Signup]) -> None:
    """On a course invoiced to the association, everyone holding a seat named one."""
    for row in rows:
        if row.status not in (SignupStatus.CONFIRMED, SignupStatus.OFFERED):
            continue
        association = row.association or "Gørlev Boldklub"
        row.invoice_association = association
        row.invoice_cvr = DEMO_CVR[association]
        if not row.association:
            row.invoice_reference = "Att. kassereren"


def _create_course(spec, today: date, topics, providers, admin, volunteer, people, qualifications):
    now = timezone.now()
    meetings = []
    for offset, start, end in spec.meetings:
        day = _course_day(today, offset, start) if offset > 0 else _past_day(today, offset)
        meetings.append((_at(day, start), _at(day, end)))
    place_name, place_address = spec.place
    in_person = spec.format != CourseFormat.ONLINE
    course = Course.objects.create(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        description=spec.description,
        provider=providers[spec.provider],
        instructors=spec.instructors,
        audience=spec.audience,
        format=spec.format,
        language=spec.language,
        venue_name=place_name if in_person else "",
        venue_address=place_address if in_person else "",
        capacity=spec.capacity,
        price=spec.price,
        status=CourseStatus.PUBLISHED,
        requires_approval=spec.requires_approval,
        waiting_list_mode=WaitingListMode.OFFER if spec.offer_mode else WaitingListMode.AUTOMATIC,
        # Signup closes before cancelling does: whoever signs up last can still cancel.
        signup_deadline=meetings[0][0] - timedelta(days=3),
        cancellation_deadline=meetings[0][0] - timedelta(days=2),
        contact_name=providers[spec.provider].contact_name,
        contact_email=providers[spec.provider].contact_email,
        min_attendance_percent=spec.min_attendance_percent,
        qualification=qualifications.get(spec.qualification),
        **spec.extra,
    )
    course.topics.set([topics[slug] for slug in spec.topics])
    if spec.organised_by_admin and admin is not None:
        course.organisers.set([admin])
    course.save()
    Meeting.objects.bulk_create(
        Meeting(course=course, starts_at=start, ends_at=end) for start, end in meetings
    )
    services.refresh_schedule(course, notify=False)

    signed_up = now - timedelta(days=6)
    rows = []
    for index, person in enumerate(people[: spec.confirmed]):
        rows.append(
            Signup(
                course=course,
                user=person,
                status=SignupStatus.CONFIRMED,
                confirmed_at=signed_up,
                association=ASSOCIATIONS[index % len(ASSOCIATIONS)],
                show_name_to_participants=index % 3 != 0,
            )
        )
    queue = 0
    waiting_people = people[spec.confirmed : spec.confirmed + spec.waiting]
    for index, person in enumerate(waiting_people):
        if spec.volunteer == "waitlisted" and index == 2:
            queue += 1
            rows.append(_waiting(course, volunteer, queue, now))
        queue += 1
        rows.append(_waiting(course, person, queue, now))
    if spec.volunteer == "confirmed":
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.CONFIRMED,
                confirmed_at=signed_up,
                association="Kalundborg Roklub",
                show_name_to_participants=True,
            )
        )
    elif spec.volunteer == "offered":
        # The seat a participant gave back is offered to the demo volunteer, first in line.
        queue += 1
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.OFFERED,
                waitlisted_at=now - timedelta(days=3),
                queue_number=0,
                offered_at=now - timedelta(hours=4),
                offer_expires_at=now + timedelta(hours=course.offer_hours - 4),
                association="Kalundborg Roklub",
            )
        )
    elif spec.volunteer == "completed":
        rows.append(
            Signup(
                course=course,
                user=volunteer,
                status=SignupStatus.CONFIRMED,
                confirmed_at=meetings[0][0] - timedelta(days=20),
                association="Kalundborg Roklub",
                show_name_to_participants=True,
            )
        )
    if course.is_invoiced:
        _add_demo_invoicing(rows)
    Signup.objects.bulk_create(rows)
    if meetings[-1][1] < now:
        _mark_past_attendance(course)
    if spec.cancelled_reason:
        course.status = CourseStatus.CANCELLED
        course.cancelled_at = now - timedelta(days=1)
        course.cancellation_reason = spec.cancelled_reason
        course.save(update_fields=["status", "cancelled_at", "cancellation_reason"])
        Meeting.objects.filter(course=course).update(cancelled_at=course.cancelled_at, sequence=1)
    return course


def _waiting(course, person, queue_number, now) -> Signup:
    return Signup(
        course=course,
        user=person,
        status=SignupStatus.WAITLISTED,
        waitlisted_at=now - timedelta(days=4) + timedelta(hours=queue_number),
        queue_number=queue_number,
    )


def _mark_past_attendance(course: Course) -> None:
    """Everyone came to the first meeting; every third person missed the second. The demo
    volunteer came to both and has completed the course."""
    marks = []
    meetings = list(course.meetings.order_by("starts_at"))
    signups = list(course.signups.filter(status=SignupStatus.CONFIRMED).order_by("pk"))
    for number, meeting in enumerate(meetings):
        for index, signup in enumerate(signups):
            present = not (number > 0 and index % 3 == 1 and signup.user.email != VOLUNTEER)
            marks.append(
                Attendance(
                    signup=signup,
                    meeting=meeting,
                    present=present,
                    marked_at=meeting.ends_at,
                )
            )
    Attendance.objects.bulk_create(marks)


def seed(command):
    topics = {}
    for slug, name, name_en, description in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "description": description},
        )
        topics[slug] = topic
    providers = {}
    for values in PROVIDERS:
        provider, _ = Provider.objects.get_or_create(name=values["name"], defaults=values)
        providers[provider.name] = provider

    admin = User.objects.filter(email=COURSE_ADMIN).first()
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    people = _people()
    qualifications = seed_qualifications()
    today = timezone.localdate()
    created = 0
    for spec in COURSES:
        if Course.objects.filter(slug=spec.slug).exists():
            continue
        _create_course(spec, today, topics, providers, admin, volunteer, people, qualifications)
        created += 1
    if created:
        command.stdout.write(f"  {created} courses")
    seed_activity(
        command,
        topics=topics,
        providers=providers,
        admin=admin,
        volunteer=volunteer,
        participants=people,
        qualifications=qualifications,
    )
    return []
