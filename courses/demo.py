"""Demo courses (courses/demo_data/): topics, providers, about 25 coming courses (courses.yaml)
and a year of past runs with attendance, evaluations and course wishes (activity.yaml), so the
dashboards and "Frivilligløft i tal" show something true. Full courses with waiting lists, an
offered seat, approval, a cancelled course; the demo volunteer completed a past one. Every
signup, offer, approval, cancellation, attendance mark, evaluation and wish goes through
courses.services at the time it happened (`now`); the emails they queue are dropped.
Idempotent: courses by slug, wishes by title, the rest by natural key; nothing is changed.
"""

from datetime import datetime, timedelta
from types import SimpleNamespace

from django.db.models import Max
from django.utils import timezone

from core.demo_support import (
    demo_datetime,
    demo_user,
    ensure_people,
    ensure_row,
    ensure_rows,
    load_demo_data,
    local_datetime,
    resolve,
    without,
)
from core.holidays import next_working_day
from core.models import OutgoingEmail
from courses import services
from courses.models import (
    Course,
    CourseFormat,
    CourseStatus,
    CourseWish,
    EvaluationInvitation,
    Meeting,
    Provider,
    QualificationKind,
    SignupStatus,
)
from taxonomy.models import Topic

VOLUNTEER = "frivillig@frivilligloeft.test"
COURSE_ADMIN = "kursus@frivilligloeft.test"
DATA = load_demo_data("courses", "courses")
ACTIVITY = load_demo_data("courses", "activity")
PLACES = {key: (place["name"], place["address"]) for key, place in DATA["places"].items()}


def _spec(defaults: dict, data: dict) -> SimpleNamespace:
    values = {**defaults, **data}
    values["provider"] = DATA["providers"][values["provider"]]["name"]
    values["place"] = PLACES[values["place"]]
    if "description" in data:
        values["description"] = "".join(f"<p>{text}</p>" for text in data["description"])
    return SimpleNamespace(**values)


# Read by courses/bench.py too: (slug, name, English name, description), provider fields, courses.
TOPICS = [(t["slug"], t["name"], t["name_en"], t["description"]) for t in DATA["topics"]]
PROVIDERS = list(DATA["providers"].values())
COURSES = [_spec(DATA["defaults"], data) for data in DATA["courses"]]
PAST_RUNS = [_spec(ACTIVITY["past_run_defaults"], data) for data in ACTIVITY["past_runs"]]
ASSOCIATIONS = DATA["associations"]
# The catalogue's Course fields besides the ones every demo course has (_create).
COURSE_FIELDS = ("description", "audience", "format", "language", "price", "requires_approval")
COURSE_FIELDS += ("waiting_list_mode", "min_attendance_percent")
# Made-up CVR numbers for the demo associations' invoices.
DEMO_CVR = {name: f"9999{index:04d}" for index, name in enumerate(ASSOCIATIONS, start=1) if name}


def _span(day, start: str, end: str) -> tuple[datetime, datetime]:
    return local_datetime(day, start), local_datetime(day, end)


def _create(spec, meetings, demo, *, organised: bool, **fields) -> Course | None:
    """The course of `spec` with its meetings (start, end), unless its slug exists."""
    provider = demo.providers[spec.provider]
    fields |= {
        name: getattr(spec, name) for name in ("title", "summary", "instructors", "capacity")
    }
    fields |= {"provider": provider, "status": CourseStatus.PUBLISHED}
    fields |= {"contact_name": provider.contact_name, "contact_email": provider.contact_email}
    fields["qualification"] = demo.qualifications.get(spec.qualification)
    organisers = [demo.admin] if organised and demo.admin else []
    many = {"topics": resolve(demo.topics, spec.topics), "organisers": organisers}
    course, created = ensure_row(Course, {"slug": spec.slug}, fields, many=many)
    if created:
        Meeting.objects.bulk_create(
            Meeting(course=course, starts_at=s, ends_at=e) for s, e in meetings
        )
        services.refresh_schedule(course, notify=False)
        return course
    return None


def _invoice(course: Course, association: str) -> dict:
    """On a course invoiced to the association, everyone names one (made-up CVR numbers)."""
    if not course.is_invoiced:
        return {}
    name = association or "Gørlev Boldklub"
    fields = {"invoice_association": name, "invoice_cvr": DEMO_CVR[name]}
    return fields | {"invoice_reference": "" if association else "Att. kassereren"}


def _coming_course(spec, demo) -> None:
    now = timezone.now()
    meetings = []
    for meeting in spec.meetings:
        offset, start = meeting["days_from_today"], meeting["at"]
        if offset > 0:
            # Daytime courses on a Saturday, evening ones Monday–Thursday, never on a day off.
            weekdays = (5,) if start < "12:00" else (0, 1, 2, 3)
            day = next_working_day(timezone.localdate() + timedelta(days=offset), weekdays)
        else:
            day = timezone.localtime(demo_datetime(offset, start)).date()
        meetings.append(_span(day, start, meeting["until"]))
    place = spec.place if spec.format != CourseFormat.ONLINE else ("", "")
    fields = {name: getattr(spec, name) for name in COURSE_FIELDS} | spec.extra
    fields |= {"venue_name": place[0], "venue_address": place[1]}
    # Signup closes before cancelling does: whoever signs up last can still cancel.
    fields["signup_deadline"] = meetings[0][0] - timedelta(days=3)
    fields["cancellation_deadline"] = meetings[0][0] - timedelta(days=2)
    course = _create(spec, meetings, demo, organised=spec.organised_by_admin, **fields)
    if course is None:
        return
    past = meetings[-1][1] < now
    signed_up = meetings[0][0] - timedelta(days=20) if past else now - timedelta(days=6)
    people, volunteer = demo.participants, demo.volunteer
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
        if signup.status == SignupStatus.PENDING and demo.admin is not None:
            services.approve_signup(signup, by=demo.admin, now=at)
    for person in filler:
        signup = course.signups.get(user=person)
        services.cancel_signup(signup, by=person, now=now - timedelta(hours=4))
    if past:
        # Everyone came to the first meeting; every third person but the demo volunteer
        # missed the second.
        _mark(course, demo, lambda index, number, last: not (number > 0 and index % 3 == 1))
    if spec.cancelled_reason and demo.admin is not None:
        reason = spec.cancelled_reason
        services.cancel_course(course, by=demo.admin, reason=reason, now=now - timedelta(days=1))


def _mark(course: Course, demo, came) -> None:
    """Attendance by the course administrator at the end of each meeting: `came(index of the
    signup, number of the meeting, number of the last)`; the demo volunteer came to all."""
    signups = list(course.signups.filter(status=SignupStatus.CONFIRMED).order_by("pk"))
    held = list(course.meetings.order_by("starts_at"))
    for number, meeting in enumerate(held):
        marks = {
            signup.pk: signup.user == demo.volunteer or came(index, number, len(held) - 1)
            for index, signup in enumerate(signups)
        }
        services.mark_attendance(meeting, marks, by=demo.admin, now=meeting.ends_at)


def _came_to_past_run(index: int, number: int, last: int) -> bool:
    """One in seven never came; every fourth missed the last of several meetings."""
    return index % 7 != 6 and not (number == last > 0 and index % 4 == 1)


def _past_run(spec, demo) -> Course | None:
    first = timezone.localtime(demo_datetime(-spec.days_ago, spec.start)).date()
    weeks = [first + timedelta(weeks=week) for week in range(spec.meetings)]
    meetings = [_span(day, spec.start, spec.end) for day in weeks]
    course = _create(
        spec,
        meetings,
        demo,
        organised=True,
        venue_name=spec.place[0],
        venue_address=spec.place[1],
        signup_deadline=meetings[0][0] - timedelta(days=2),
        min_attendance_percent=50 if spec.meetings > 1 else 100,
    )
    if course is None:
        return None
    signed_up = meetings[0][0] - timedelta(days=21)
    people = demo.people
    chosen = [people[(spec.offset + index) % len(people)] for index in range(spec.participants)]
    if spec.volunteer and demo.volunteer is not None:
        chosen[-1] = demo.volunteer
    for index, person in enumerate(chosen):
        services.sign_up(course, person, show_name_to_participants=index % 3 != 0, now=signed_up)
    for index in range(spec.waitlisted):
        person = people[(spec.offset + spec.participants + index) % len(people)]
        if person not in chosen:
            waited = services.sign_up(
                course, person, now=signed_up + timedelta(days=1, hours=index)
            )
            services.leave_waiting_list(waited, by=person, now=meetings[0][0])
    _mark(course, demo, _came_to_past_run)
    course.refresh_from_db()
    return course


def _evaluate(course: Course, spec, demo) -> None:
    """Invite the participants as the course ended, and let some of them answer the next day."""
    invited_at = course.ends_at + timedelta(hours=1)
    services.invite_to_evaluation(course, now=invited_at, notify=False)
    invitations = list(
        EvaluationInvitation.objects.filter(course=course)
        .exclude(user=demo.volunteer)
        .order_by("user__email")
    )
    answers = ACTIVITY["answers"]
    for index, invitation in enumerate(invitations[: round(len(invitations) * spec.answers)]):
        answer = answers[(index + len(course.slug)) % len(answers)]
        services.submit_evaluation(
            invitation,
            services.Answer(**answer),
            now=invited_at + timedelta(days=1, hours=index),
        )


def _wishes(demo, admin) -> int:
    created = 0
    for number, data in enumerate(ACTIVITY["wishes"]):
        if CourseWish.objects.filter(title=data["title"]).exists():
            continue
        by_volunteer = data.get("by_volunteer") and demo.volunteer
        proposer = demo.volunteer if by_volunteer else demo.people[number * 3]
        fields = without(data, "topic", "supporters", "plan", "response", "by_volunteer")
        wish = services.propose_wish(proposer, topic=demo.topics[data["topic"]], **fields)
        supporters = [p for p in demo.people if p != proposer]
        for person in supporters[number : number + data["supporters"] - 1]:
            services.support_wish(wish, person)
        course = Course.objects.filter(slug=data.get("plan", "")).first()
        if course is not None and admin is not None:
            response = data.get("response", "")
            services.plan_wish(wish, course, by=admin, response=response, notify=False)
        elif data.get("response"):
            CourseWish.objects.filter(pk=wish.pk).update(response=data["response"])
        created += 1
    return created


def seed(command):
    topics = ensure_rows(Topic, DATA["topics"])
    providers = ensure_rows(Provider, PROVIDERS, key="name")
    participants = ensure_people(
        {"email": f"deltager{number:02d}@frivilligloeft.test", "name": name}
        for number, name in enumerate(DATA["participants"], start=1)
    )
    demo = SimpleNamespace(
        topics=topics,
        providers=providers,
        qualifications=ensure_rows(QualificationKind, DATA["qualifications"], key="name"),
        admin=demo_user(COURSE_ADMIN),
        volunteer=demo_user(VOLUNTEER),
        participants=participants,
    )
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    coming = [spec for spec in COURSES if not Course.objects.filter(slug=spec.slug).exists()]
    for spec in coming:
        _coming_course(spec, demo)
    if coming:
        command.stdout.write(f"  {len(coming)} courses")
    # Some past participants are the demo associations' people (associations/demo.py uses
    # their emails; whichever seeder runs first creates them).
    demo.people = participants + ensure_people(ACTIVITY["association_people"])
    past = [(spec, _past_run(spec, demo)) for spec in PAST_RUNS]
    past = [(spec, course) for spec, course in past if course is not None]
    for spec, course in past:
        _evaluate(course, spec, demo)
    if past:
        command.stdout.write(f"  {len(past)} past courses with attendance and evaluations")
    # The next run of "Ny i bestyrelsen" shows what earlier participants thought of it.
    Course.objects.filter(slug="ny-i-bestyrelsen", duplicated_from__isnull=True).update(
        duplicated_from=Course.objects.filter(slug="ny-i-bestyrelsen-efteraar").first(),
        show_evaluation_average=True,
    )
    admin = demo.admin if demo.admin and demo.admin.has_perm("courses.change_course") else None
    wishes = _wishes(demo, admin)
    if wishes:
        command.stdout.write(f"  {wishes} course wishes with support")
    # Demo people have no mailbox: drop the emails the services queued for them.
    OutgoingEmail.objects.filter(pk__gt=last_email, kind__startswith="emails/courses/").delete()
    return []
