"""Evaluation results: always aggregates, and only once `ANONYMITY_THRESHOLD` people have
answered (below it, nothing but the number of answers is shown — not even free text)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from core.prepared import PreparedQuery
from courses.models import Course, EvaluationAnswer, EvaluationInvitation
from courses.models.evaluations import ANONYMITY_THRESHOLD, ANSWER_DAYS
from taxonomy.models import Topic


@dataclass
class EvaluationSummary:
    answers: int = 0
    average: float | None = None  # usefulness, 1–5
    recommend: int = 0  # answers that would recommend the course
    distribution: dict[int, int] = field(default_factory=dict)  # usefulness → answers
    invited: int | None = None

    @property
    def visible(self) -> bool:
        """Whether enough people answered for anything but the count to be shown."""
        return self.answers >= ANONYMITY_THRESHOLD

    @property
    def missing(self) -> int:
        """How many more answers before results can be shown."""
        return max(ANONYMITY_THRESHOLD - self.answers, 0)

    @property
    def recommend_percent(self) -> int | None:
        return round(100 * self.recommend / self.answers) if self.answers else None

    @property
    def response_percent(self) -> int | None:
        return round(100 * self.answers / self.invited) if self.invited else None

    def distribution_rows(self) -> list[tuple[int, int, int]]:
        """(usefulness, answers, percent of answers) for 5 down to 1."""
        return [
            (value, count, round(100 * count / self.answers) if self.answers else 0)
            for value in range(5, 0, -1)
            for count in [self.distribution.get(value, 0)]
        ]


def _aggregates():
    return {
        "answers": Count("pk"),
        "average": Avg("usefulness"),
        "recommend": Count("pk", filter=Q(would_recommend=True)),
        **{f"u{value}": Count("pk", filter=Q(usefulness=value)) for value in range(1, 6)},
    }


def _summary(row: dict) -> EvaluationSummary:
    return EvaluationSummary(
        answers=row["answers"],
        average=float(row["average"]) if row["average"] is not None else None,
        recommend=row["recommend"],
        distribution={value: row[f"u{value}"] for value in range(1, 6)},
    )


def evaluation_summary(answers: QuerySet[EvaluationAnswer]) -> EvaluationSummary:
    """The aggregate of these answers (one query)."""
    return _summary(answers.aggregate(**_aggregates()))


@dataclass
class CourseEvaluation:
    summary: EvaluationSummary
    keep: list[str]
    change: list[str]
    still_open: bool


def course_evaluation_results(course: Course, now: datetime | None = None) -> CourseEvaluation:
    """A course's results for its organisers: the summary, and the free text — in alphabetical
    order, so the order says nothing about who answered when — only when visible. Three
    queries."""
    now = now or timezone.now()
    answers = EvaluationAnswer.objects.filter(course=course)
    summary = evaluation_summary(answers)
    invitations = EvaluationInvitation.objects.filter(course=course).aggregate(
        invited=Count("pk"),
        open=Count(
            "pk",
            filter=Q(answered=False, sent_at__gt=now - timedelta(days=ANSWER_DAYS)),
        ),
    )
    summary.invited = invitations["invited"]
    keep, change = [], []
    if summary.visible:
        texts = list(answers.values_list("keep", "change"))
        keep = sorted((k for k, _c in texts if k), key=str.casefold)
        change = sorted((c for _k, c in texts if c), key=str.casefold)
    return CourseEvaluation(
        summary=summary, keep=keep, change=change, still_open=invitations["open"] > 0
    )


def evaluation_summaries_by_topic(
    answers: QuerySet[EvaluationAnswer] | None = None,
) -> list[tuple[Topic, EvaluationSummary, int]]:
    """(topic, summary, courses evaluated) for every topic with answers, by name. A course
    with several topics counts in each. Two queries."""
    answers = EvaluationAnswer.objects.all() if answers is None else answers
    rows = (
        answers.filter(course__topics__isnull=False)
        .values("course__topics")
        .annotate(courses=Count("course", distinct=True), **_aggregates())
        .order_by()
    )
    by_topic = {row["course__topics"]: row for row in rows}
    topics = Topic.objects.filter(pk__in=list(by_topic)).order_by("name")
    return [
        (topic, _summary(by_topic[topic.pk]), by_topic[topic.pk]["courses"]) for topic in topics
    ]


def evaluation_summaries_by_course(
    courses: QuerySet[Course],
) -> list[tuple[Course, EvaluationSummary]]:
    """(course, summary) for each of these courses that has answers, latest first. Two
    queries."""
    rows = (
        EvaluationAnswer.objects.filter(course__in=courses)
        .values("course")
        .annotate(**_aggregates())
        .order_by()
    )
    by_course = {row["course"]: row for row in rows}
    listed = courses.filter(pk__in=list(by_course)).order_by("-ends_at", "-pk")
    return [(course, _summary(by_course[course.pk])) for course in listed]


def public_rating(course: Course) -> EvaluationSummary | None:
    """What a course page may show when staff chose so: the answers about this course and
    the run it was copied from, if at least ANONYMITY_THRESHOLD people answered. One query."""
    if not course.show_evaluation_average:
        return None
    runs: Iterable[int] = [course.pk]
    if course.duplicated_from_id:
        runs = [course.pk, course.duplicated_from_id]
    summary = evaluation_summary(EvaluationAnswer.objects.filter(course_id__in=runs))
    return summary if summary.visible else None


def open_evaluation_invitations(user, now: datetime | None = None) -> dict[int, int]:
    """The person's unanswered invitations still open, as {course id: invitation id}."""
    if not user.is_authenticated:
        return {}
    now = now or timezone.now()
    return dict(_OPEN_INVITATIONS.rows(user.pk, now - timedelta(days=ANSWER_DAYS))[1])


# Read by Mine kurser on every view (core.prepared: the SQL built once per process).
_OPEN_INVITATIONS = PreparedQuery(
    lambda user_id, sent_after: EvaluationInvitation.objects.filter(
        user=user_id, answered=False, sent_at__gt=sent_after
    ).values_list("course_id", "pk")
)
