"""Read queries other apps may use (schools reads associations only through here)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Ceil, Coalesce
from django.utils import timezone

from associations.models import (
    BOARD_ROLES,
    Activity,
    Association,
    AssociationRole,
    BoardCompetenceNeed,
    Category,
    ChildRecordDeclaration,
)
from courses import queries as courses_queries
from courses.models import Meeting, Signup, SignupStatus, Topic


def public_associations() -> QuerySet[Association]:
    """Associations anyone may see in the directory."""
    return Association.objects.filter(is_public=True)


def associations_administered_by(user) -> QuerySet[Association]:
    """The associations this person may manage (admins of the association)."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(roles__user=user, roles__is_admin=True).distinct()


def is_association_admin(user, association: Association) -> bool:
    if not user.is_authenticated:
        return False
    return AssociationRole.objects.filter(
        association=association, user=user, is_admin=True
    ).exists()


def has_current_child_record_declaration(
    association: Association, on: datetime.date | None = None
) -> bool:
    """Whether the association has declared børneattester for the year of `on` (default today)."""
    year = (on or timezone.localdate()).year
    return ChildRecordDeclaration.objects.filter(association=association, year=year).exists()


def frivillig_fredag(year: int) -> datetime.date:
    """Frivillig Fredag, the Danish volunteers' day: the last Friday of September."""
    last = datetime.date(year, 9, 30)
    return last - datetime.timedelta(days=(last.weekday() - 4) % 7)


def next_frivillig_fredag(today: datetime.date | None = None) -> datetime.date:
    """The next Frivillig Fredag on or after `today`."""
    today = today or timezone.localdate()
    this_year = frivillig_fredag(today.year)
    return this_year if this_year >= today else frivillig_fredag(today.year + 1)


def directory_associations(on: datetime.date | None = None) -> QuerySet[Association]:
    """Public associations with what a directory card shows, in a fixed number of queries."""
    year = (on or timezone.localdate()).year
    return (
        public_associations()
        .annotate(
            wants_volunteers=Exists(
                Activity.objects.filter(association=OuterRef("pk"), looking_for_volunteers=True)
            ),
            has_declaration=Exists(
                ChildRecordDeclaration.objects.filter(association=OuterRef("pk"), year=year)
            ),
        )
        .select_related("logo")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("name")))
        .order_by("name", "pk")
    )


def _completed_signups_of(user_ids) -> QuerySet[Signup]:
    """Completed signups of these people, in one query.

    The same rule as `courses.queries.completed_signups` (confirmed, attended at least
    `min_attendance_percent` of the meetings held, at least one meeting held), but across all
    courses at once so the board overview keeps a constant query count; a test holds the two
    equal.
    """
    held = (
        Meeting.objects.filter(course=OuterRef("course"), cancelled_at__isnull=True)
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Signup.objects.filter(user_id__in=user_ids, status=SignupStatus.CONFIRMED)
        .annotate(
            held=Coalesce(Subquery(held, output_field=IntegerField()), 0),
            attended=courses_queries.attended_expression(),
        )
        .filter(
            held__gt=0, attended__gte=Ceil(F("course__min_attendance_percent") * F("held") / 100.0)
        )
    )


@dataclass
class TopicCompetence:
    topic: Topic
    people: list = field(default_factory=list)
    needed: bool = False
    need_note: str = ""
    need_id: int | None = None
    suggested_courses: list = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return self.needed and not self.people


@dataclass
class BoardOverview:
    board: list  # AssociationRole rows of chair and board members
    covered: list  # TopicCompetence with people, by topic name
    needs: list  # TopicCompetence the board needs, gaps first
    consenting_count: int = 0


def board_competence_overview(
    association: Association, *, suggestions_per_topic: int = 3
) -> BoardOverview:
    """What the board knows (from completed courses of consenting board members), what it
    says it needs, and upcoming published courses for each gap. Five queries however big."""
    board = list(
        AssociationRole.objects.filter(association=association, role__in=BOARD_ROLES)
        .select_related("user")
        .order_by("role", "user__full_name", "pk")
    )
    consenting = {role.user_id: role.user for role in board if role.consent_show_competences}
    by_topic: dict[int, TopicCompetence] = {}
    completed = (
        _completed_signups_of(list(consenting))
        .prefetch_related(Prefetch("course__topics", queryset=Topic.objects.order_by("name")))
        .select_related("course")
    )
    for signup in completed:
        for topic in signup.course.topics.all():
            entry = by_topic.setdefault(topic.pk, TopicCompetence(topic=topic))
            person = consenting[signup.user_id]
            if person not in entry.people:
                entry.people.append(person)
    needs = list(
        BoardCompetenceNeed.objects.filter(association=association).select_related("topic")
    )
    need_entries = []
    for need in needs:
        entry = by_topic.get(need.topic_id) or TopicCompetence(topic=need.topic)
        entry.needed, entry.need_note, entry.need_id = True, need.note, need.pk
        need_entries.append(entry)
    gaps = {entry.topic.pk: entry for entry in need_entries if entry.is_gap}
    if gaps:
        upcoming = courses_queries.catalogue_courses().filter(topics__in=list(gaps)).distinct()
        for course in upcoming:
            for topic in course.topics.all():
                entry = gaps.get(topic.pk)
                if entry and len(entry.suggested_courses) < suggestions_per_topic:
                    entry.suggested_courses.append(course)
    need_entries.sort(key=lambda e: (not e.is_gap, e.topic.name))
    covered = sorted((e for e in by_topic.values() if e.people), key=lambda e: e.topic.name)
    return BoardOverview(
        board=board, covered=covered, needs=need_entries, consenting_count=len(consenting)
    )


def dashboard_context(request) -> dict | None:
    """The Mine sider box: the person's associations, and which still lack this year's
    child-record declaration. Nothing for people without a role."""
    year = timezone.localdate().year
    roles = list(
        AssociationRole.objects.filter(user=request.user)
        .select_related("association")
        .annotate(
            declared=Exists(
                ChildRecordDeclaration.objects.filter(
                    association=OuterRef("association"), year=year
                )
            )
        )
        .order_by("association__name")
    )
    if not roles:
        return None
    return {"roles": roles, "year": year}
