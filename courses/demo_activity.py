"""A year of course activity for the demo (run from courses/demo.py): past runs of courses over
the last twelve months with attendance, their participants' evaluations, and course wishes with
support — so the dashboards and "Frivilligløft i tal" show something true after `make run`.

Signups, leaving the waiting list, attendance, evaluations and wishes go through
courses.services (without emails), with the time of each step passed in, as if it had
happened then. Some participants are the demo
associations' board members (their emails are the ones associations/demo.py uses; whichever
seeder runs first creates the person), so the report can count associations reached.
Idempotent: past runs are found by slug, wishes by title; nothing that exists is changed.
The content is courses/demo_data/activity.yaml (places and providers: courses.yaml).
"""

from datetime import datetime, time, timedelta
from types import SimpleNamespace

from django.utils import timezone

from accounts.models import User
from core.demo_support import load_demo_data
from core.holidays import is_day_off
from courses import services
from courses.models import (
    Course,
    CourseStatus,
    CourseWish,
    EvaluationInvitation,
    Meeting,
    Provider,
    SignupStatus,
)

DATA = load_demo_data("courses", "activity")
_CATALOGUE = load_demo_data("courses", "courses")


def _run(data: dict) -> SimpleNamespace:
    values = {**DATA["past_run_defaults"], **data}
    values["provider"] = _CATALOGUE["providers"][values["provider"]]["name"]
    place = _CATALOGUE["places"][values["place"]]
    values["place"] = (place["name"], place["address"])
    return SimpleNamespace(**values)


PAST_RUNS = [_run(data) for data in DATA["past_runs"]]
ANSWERS = [tuple(answer.values()) for answer in DATA["answers"]]
WISHES = DATA["wishes"]


def _at(day, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def demo_people(participants: list[User]) -> list[User]:
    """The course participants of the demo, then the associations' people."""
    people = list(participants)
    for person in DATA["association_people"]:
        email, name = person["email"], person["name"]
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, full_name=name)
        people.append(user)
    return people


def _past_run(spec, today, topics, providers, admin, volunteer, people, qualifications) -> Course:
    first = today - timedelta(days=spec.days_ago)
    while is_day_off(first):  # never on a public holiday (core.holidays)
        first -= timedelta(days=1)
    meetings = [
        (
            _at(first + timedelta(weeks=week), spec.start),
            _at(first + timedelta(weeks=week), spec.end),
        )
        for week in range(spec.meetings)
    ]
    provider = providers.get(spec.provider) or Provider.objects.filter(name=spec.provider).first()
    course = Course.objects.create(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        provider=provider,
        instructors=spec.instructors,
        venue_name=spec.place[0],
        venue_address=spec.place[1],
        capacity=spec.capacity,
        status=CourseStatus.PUBLISHED,
        signup_deadline=meetings[0][0] - timedelta(days=2),
        contact_name=provider.contact_name if provider else "",
        contact_email=provider.contact_email if provider else "",
        min_attendance_percent=50 if spec.meetings > 1 else 100,
        qualification=qualifications.get(spec.qualification),
    )
    course.topics.set([topics[slug] for slug in spec.topics])
    if admin is not None:
        course.organisers.set([admin])
    course.save()  # ParentalManyToManyField: the sets above are written on save
    Meeting.objects.bulk_create(
        Meeting(course=course, starts_at=start, ends_at=end) for start, end in meetings
    )
    services.refresh_schedule(course, notify=False)
    signed_up = meetings[0][0] - timedelta(days=21)
    chosen = [people[(spec.offset + index) % len(people)] for index in range(spec.participants)]
    if spec.volunteer and volunteer is not None:
        chosen[-1] = volunteer
    for index, person in enumerate(chosen):
        services.sign_up(course, person, show_name_to_participants=index % 3 != 0, now=signed_up)
    waiting = [
        people[(spec.offset + spec.participants + index) % len(people)]
        for index in range(spec.waitlisted)
    ]
    for index, person in enumerate(waiting):
        if person not in chosen:
            waited = services.sign_up(
                course, person, now=signed_up + timedelta(days=1, hours=index)
            )
            services.leave_waiting_list(waited, by=person, now=meetings[0][0])
    signups = list(course.signups.filter(status=SignupStatus.CONFIRMED).order_by("pk"))
    held = list(course.meetings.order_by("starts_at"))
    for number, meeting in enumerate(held):
        marks = {}
        for index, signup in enumerate(signups):
            # One in seven never came; every fourth missed the last of several meetings.
            marks[signup.pk] = signup.user_id == getattr(volunteer, "pk", None) or (
                index % 7 != 6 and not (number == len(held) - 1 and number > 0 and index % 4 == 1)
            )
        services.mark_attendance(meeting, marks, by=admin, now=meeting.ends_at)
    course.refresh_from_db()
    return course


def _evaluate(course: Course, volunteer) -> None:
    """Invite the participants as the course ended, and let some of them answer the next day."""
    invited_at = course.ends_at + timedelta(hours=1)
    services.invite_to_evaluation(course, now=invited_at, notify=False)
    spec = next(run for run in PAST_RUNS if run.slug == course.slug)
    invitations = list(
        EvaluationInvitation.objects.filter(course=course)
        .exclude(user=volunteer)
        .order_by("user__email")
    )
    answering = round(len(invitations) * spec.answers)
    for index, invitation in enumerate(invitations[:answering]):
        usefulness, recommend, keep, change = ANSWERS[(index + len(course.slug)) % len(ANSWERS)]
        services.submit_evaluation(
            invitation,
            services.Answer(usefulness, recommend, keep, change),
            now=invited_at + timedelta(days=1, hours=index),
        )


def _wishes(topics, people, volunteer, admin) -> int:
    created = 0
    for number, data in enumerate(WISHES):
        if CourseWish.objects.filter(title=data["title"]).exists():
            continue
        proposer = volunteer if data.get("by_volunteer") and volunteer else people[number * 3]
        wish = services.propose_wish(
            proposer,
            topic=topics[data["topic"]],
            title=data["title"],
            description=data["description"],
            expected_participants=data["expected_participants"],
            time_of_day=data["time_of_day"],
            format=data["format"],
            association=data["association"],
        )
        supporters = [p for p in people if p != proposer][number : number + data["supporters"] - 1]
        for person in supporters:
            services.support_wish(wish, person)
        course = Course.objects.filter(slug=data.get("plan", "")).first()
        if course is not None and admin is not None:
            services.plan_wish(
                wish, course, by=admin, response=data.get("response", ""), notify=False
            )
        elif data.get("response"):
            CourseWish.objects.filter(pk=wish.pk).update(response=data["response"])
        created += 1
    return created


def seed_activity(
    command, *, topics, providers, admin, volunteer, participants, qualifications=None
) -> None:
    qualifications = qualifications or {}
    today = timezone.localdate()
    people = demo_people(participants)
    created = []
    for spec in PAST_RUNS:
        if Course.objects.filter(slug=spec.slug).exists():
            continue
        created.append(
            _past_run(spec, today, topics, providers, admin, volunteer, people, qualifications)
        )
    for course in created:
        _evaluate(course, volunteer)
    if created:
        command.stdout.write(f"  {len(created)} past courses with attendance and evaluations")
    # The next run of "Ny i bestyrelsen" shows what earlier participants thought of it.
    Course.objects.filter(slug="ny-i-bestyrelsen", duplicated_from__isnull=True).update(
        duplicated_from=Course.objects.filter(slug="ny-i-bestyrelsen-efteraar").first(),
        show_evaluation_average=True,
    )
    if admin is not None and not admin.has_perm("courses.change_course"):
        admin = None
    wishes = _wishes(topics, people, volunteer, admin)
    if wishes:
        command.stdout.write(f"  {wishes} course wishes with support")
