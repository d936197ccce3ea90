"""The course figures: meetings held, volunteers trained, seats, attendance, completion, and
their rows per quarter and per topic; the evaluation averages."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from courses import queries as course_queries
from courses.models import EvaluationAnswer, Meeting, Signup, SignupStatus
from insights.figures import Figure, Kind
from insights.report.scope import Scope, grouped, local_zone, quarters_between
from insights.report.types import ImpactReport, QuarterRow, TopicRow
from taxonomy.models import Topic


def add_course_figures(report: ImpactReport, scope: Scope) -> None:
    held, marks, starting, ended = scope.held, scope.marks, scope.starting, scope.ended
    meetings = held.aggregate(meetings=Count("pk"), courses=Count("course", distinct=True))
    report.course_days, report.courses_held = meetings["meetings"], meetings["courses"]

    attendance = marks.aggregate(
        volunteers=Count("signup__user", filter=Q(present=True), distinct=True),
        marked_people=Count("signup__user", distinct=True),
        marks=Count("pk"),
        present=Count("pk", filter=Q(present=True)),
    )
    report.volunteers_trained = Figure.people_count(attendance["volunteers"])
    report.attendance_rate = Figure.share(
        attendance["present"], attendance["marks"], people=attendance["marked_people"]
    )

    seats = starting.aggregate(
        offered=Sum("capacity"), unlimited=Count("pk", filter=Q(capacity__isnull=True))
    )
    report.seats_offered = seats["offered"] or 0
    report.unlimited_courses = seats["unlimited"]
    signups = Signup.objects.filter(course__in=starting).aggregate(
        taken=Count("pk", filter=Q(status=SignupStatus.CONFIRMED)),
        taken_limited=Count(
            "pk", filter=Q(status=SignupStatus.CONFIRMED, course__capacity__isnull=False)
        ),
        waitlisted=Count("pk", filter=Q(waitlisted_at__isnull=False)),
    )
    report.seats_taken = Figure.people_count(signups["taken"])
    report.fill_rate = Figure.share(
        signups["taken_limited"], report.seats_offered, people=signups["taken_limited"]
    )
    report.waitlisted = Figure.people_count(signups["waitlisted"])
    report.pressure = Figure.share(
        signups["waitlisted"], report.seats_offered, people=signups["waitlisted"]
    )

    participants = Signup.objects.filter(course__in=ended, status=SignupStatus.CONFIRMED)
    with_meetings = participants.filter(
        course__in=Meeting.objects.filter(cancelled_at__isnull=True).values("course")
    ).count()
    completed = course_queries.completed_signups_across_courses(participants).count()
    report.completed = Figure.people_count(completed)
    report.completion_rate = Figure.share(completed, with_meetings)


def add_quarters_and_topics(report: ImpactReport, scope: Scope) -> None:
    params, held, marks, starting = scope.params, scope.held, scope.marks, scope.starting
    topic_ids = [params.topic.pk] if params.topic else None
    zone = local_zone()
    volunteers_by_quarter = {
        row["quarter"]: row["n"]
        for row in marks.filter(present=True)
        .annotate(quarter=TruncQuarter("meeting__starts_at", tzinfo=zone))
        .values("quarter")
        .annotate(n=Count("signup__user", distinct=True))
        .order_by()
    }
    meetings_by_quarter = {
        row["quarter"]: row["n"]
        for row in held.annotate(quarter=TruncQuarter("starts_at", tzinfo=zone))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
    }

    def by_quarter(rows: dict) -> dict[tuple[int, int], int]:
        result = {}
        for moment, count in rows.items():
            local = timezone.localtime(moment, zone) if timezone.is_aware(moment) else moment
            result[(local.year, (local.month - 1) // 3 + 1)] = count
        return result

    volunteers_q, meetings_q = by_quarter(volunteers_by_quarter), by_quarter(meetings_by_quarter)
    report.quarters = [
        QuarterRow(
            year=year,
            quarter=quarter,
            volunteers=Figure.people_count(volunteers_q.get((year, quarter), 0)),
            meetings=meetings_q.get((year, quarter), 0),
        )
        for year, quarter in quarters_between(params.start, params.end)
    ]

    topic_filter = {"pk__in": topic_ids} if topic_ids else {}
    people_by_topic = grouped(
        marks.filter(present=True, signup__course__topics__isnull=False),
        "signup__course__topics",
        n=Count("signup__user", distinct=True),
    )
    meetings_by_topic = grouped(
        held.filter(course__topics__isnull=False),
        "course__topics",
        meetings=Count("pk", distinct=True),
        courses=Count("course", distinct=True),
    )
    seats_by_topic = grouped(
        starting.filter(topics__isnull=False), "topics", offered=Sum("capacity")
    )
    signups_by_topic = grouped(
        Signup.objects.filter(course__in=starting, course__topics__isnull=False),
        "course__topics",
        taken=Count("pk", filter=Q(status=SignupStatus.CONFIRMED), distinct=True),
        waitlisted=Count("pk", filter=Q(waitlisted_at__isnull=False), distinct=True),
    )
    shown_topics = set(people_by_topic) | set(meetings_by_topic) | set(seats_by_topic)
    topics = Topic.objects.filter(pk__in=shown_topics).filter(**topic_filter).order_by("name")
    for topic in topics:
        offered = (seats_by_topic.get(topic.pk) or {}).get("offered") or 0
        counts = signups_by_topic.get(topic.pk) or {"taken": 0, "waitlisted": 0}
        held_here = meetings_by_topic.get(topic.pk) or {"meetings": 0, "courses": 0}
        report.topics.append(
            TopicRow(
                topic=topic,
                volunteers=Figure.people_count((people_by_topic.get(topic.pk) or {}).get("n", 0)),
                meetings=held_here["meetings"],
                courses=held_here["courses"],
                seats_offered=offered,
                seats_taken=Figure.people_count(counts["taken"]),
                waitlisted=Figure.people_count(counts["waitlisted"]),
                pressure=Figure.share(counts["waitlisted"], offered, people=counts["waitlisted"]),
            )
        )

    report.topics.sort(key=lambda row: (-(row.volunteers.shown_value or 0), row.topic.name))


def add_evaluations(report: ImpactReport, scope: Scope) -> None:
    ended = scope.ended
    answers = EvaluationAnswer.objects.filter(course__in=ended)
    report.evaluation = course_queries.evaluation_summary(answers)
    report.evaluation_average = Figure(
        report.evaluation.average, people=report.evaluation.answers, kind=Kind.AVERAGE
    )
    report.evaluation_recommend = Figure.share(
        report.evaluation.recommend, report.evaluation.answers
    )
    evaluations_by_topic = {
        topic.pk: summary
        for topic, summary, _courses_count in course_queries.evaluation_summaries_by_topic(answers)
    }
    for row in report.topics:
        row.evaluations = evaluations_by_topic.get(row.topic.pk)
