"""Demo courses: ten topics, four providers and about 25 courses over the coming months.

Some courses are full with a waiting list, one offers freed seats for a limited time, one
needs approval, one is cancelled, and one has already taken place — the demo volunteer
(frivillig@frivilligloeft.test) completed it. Dates are relative to the day of seeding.
Idempotent: topics, providers, people and courses are looked up by their natural keys and
only what is missing is created. Signups, the waiting lists, the offer, the approval, the
cancellation and attendance go through courses.services, each at the time it happened (`now`);
the emails they queue are dropped. The content is courses/demo_data/courses.yaml; a year of past
runs with evaluations, and course wishes with support, come from courses/demo_activity.py.
"""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from core.demo_support import load_demo_data
from core.holidays import is_day_off, next_working_day
from core.models import OutgoingEmail
from courses import services
from courses.demo_activity import seed_activity
from courses.models import (
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    Provider,
    QualificationKind,
    SignupStatus,
    WaitingListMode,
)
from taxonomy.models import Topic

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


def _invoice(course: Course, association: str) -> dict:
    """On a course invoiced to the association, everyone names one (made-up CVR numbers)."""
    if not course.is_invoiced:
        return {}
    name = association or "Gørlev Boldklub"
    reference = "" if association else "Att. kassereren"
    return {
        "invoice_association": name,
        "invoice_cvr": DEMO_CVR[name],
        "invoice_reference": reference,
    }


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

    # Each signup goes through the services at the time it happened.
    past = meetings[-1][1] < now
    signed_up = meetings[0][0] - timedelta(days=20) if past else now - timedelta(days=6)
    waiting = people[spec.confirmed : spec.confirmed + spec.waiting]
    if spec.volunteer == "waitlisted":
        waiting.insert(2, volunteer)
    # An offered seat is one a participant gave back, with the demo volunteer first in line.
    filler = [people[spec.confirmed + spec.waiting]] if spec.volunteer == "offered" else []
    joining = [
        (person, signed_up, ASSOCIATIONS[index % len(ASSOCIATIONS)], index % 3 != 0)
        for index, person in enumerate(people[: spec.confirmed] + filler)
    ]
    if spec.volunteer in ("confirmed", "completed"):
        joining.append((volunteer, signed_up, "Kalundborg Roklub", True))
    elif spec.volunteer == "offered":
        joining.append((volunteer, now - timedelta(days=4), "Kalundborg Roklub", False))
    joining += [
        (person, now - timedelta(days=4) + timedelta(hours=queue), "", False)
        for queue, person in enumerate(waiting, start=1)
    ]
    for person, at, association, show in joining:
        signup = services.sign_up(
            course,
            person,
            association=association,
            show_name_to_participants=show,
            now=at,
            **_invoice(course, association),
        )
        if signup.status == SignupStatus.PENDING and admin is not None:
            services.approve_signup(signup, by=admin, now=at)
    for person in filler:
        signup = course.signups.get(user=person)
        services.cancel_signup(signup, by=person, now=now - timedelta(hours=4))
    if meetings[-1][1] < now:
        _mark_past_attendance(course, admin)
    if spec.cancelled_reason and admin is not None:
        reason = spec.cancelled_reason
        services.cancel_course(course, by=admin, reason=reason, now=now - timedelta(days=1))
    return course


def _mark_past_attendance(course: Course, admin) -> None:
    """Everyone came to the first meeting; every third person missed the second. The demo
    volunteer came to both and has completed the course. Marked through the service, by the
    course administrator at the end of each meeting."""
    signups = list(course.signups.filter(status=SignupStatus.CONFIRMED).order_by("pk"))
    for number, meeting in enumerate(course.meetings.order_by("starts_at")):
        marks = {
            signup.pk: not (number > 0 and index % 3 == 1 and signup.user.email != VOLUNTEER)
            for index, signup in enumerate(signups)
        }
        services.mark_attendance(meeting, marks, by=admin, now=meeting.ends_at)


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
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
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
    # Demo people have no mailbox: drop the emails the services queued for them.
    OutgoingEmail.objects.filter(pk__gt=last_email, kind__startswith="emails/courses/").delete()
    return []
