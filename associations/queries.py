"""Read queries other apps may use (schools reads associations only through here)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils import timezone

from associations.models import (
    BOARD_ROLES,
    Activity,
    Association,
    AssociationRole,
    BoardCompetenceNeed,
    Category,
    ChildRecordDeclaration,
    Fair,
    FairStand,
)
from core.prepared import PreparedQuery
from courses import queries as courses_queries
from courses.models import Signup
from taxonomy.models import Topic


def public_associations() -> QuerySet[Association]:
    """Associations anyone may see in the directory."""
    return Association.objects.filter(is_public=True)


def public_activities(association: Association) -> QuerySet[Activity]:
    """An association's activities as its page lists them: those seeking volunteers first."""
    return (
        Activity.objects.filter(association=association)
        .select_related("venue")
        .order_by("-looking_for_volunteers", "starts_at", "title", "pk")
    )


def coming_fairs(today: datetime.date | None = None) -> QuerySet[Fair]:
    """Published volunteer fairs from today on, soonest first."""
    today = today or timezone.localdate()
    return Fair.objects.filter(is_published=True, date__gte=today).order_by("date", "pk")


def coming_stands_of(association: Association, today: datetime.date | None = None):
    """The association's stands at coming published fairs."""
    today = today or timezone.localdate()
    return FairStand.objects.filter(
        association=association, fair__is_published=True, fair__date__gte=today
    ).select_related("fair")


def fair_stands(fair: Fair) -> QuerySet[FairStand]:
    """A fair's programme: the stands of associations shown in the directory, by name."""
    return (
        FairStand.objects.filter(fair=fair, association__is_public=True)
        .select_related("association")
        .prefetch_related(
            Prefetch("association__categories", queryset=Category.objects.order_by("name"))
        )
        .order_by("association__name", "pk")
    )


def associations_administered_by(user) -> QuerySet[Association]:
    """The associations this person may manage (admins of the association)."""
    if not user.is_authenticated:
        return Association.objects.none()
    return _administered_by(user.pk)


def _administered_by(user_id) -> QuerySet[Association]:
    return Association.objects.filter(roles__user=user_id, roles__is_admin=True).distinct()


def ids_of_associations_administered_by(user) -> set[int]:
    """The ids of `associations_administered_by(user)`, for a logged-in person."""
    return {row[0] for row in _ADMINISTERED_IDS.rows(user.pk)[1]}


# Asked by Mine sider and the school pages on every view (core.prepared: SQL built once).
_ADMINISTERED_IDS = PreparedQuery(
    lambda user_id: _administered_by(user_id).order_by().values_list("pk", flat=True)
)


def admins_of(association: Association):
    """The association's admins now (active accounts), for mail about the association: each
    person once, however many admin roles they hold (chair and treasurer)."""
    from accounts.models import User

    return User.objects.filter(
        Exists(
            AssociationRole.objects.filter(
                user=OuterRef("pk"), association=association, is_admin=True
            )
        ),
        is_active=True,
    ).order_by("pk")


def has_admin() -> Exists:
    """Whether an association has an admin with an active account now (an expression, for
    `filter(has_admin())` or `exclude(...)`)."""
    return Exists(
        AssociationRole.objects.filter(
            association=OuterRef("pk"), is_admin=True, user__is_active=True
        )
    )


# Child-record declarations are yearly: from this many days before New Year an association
# without next year's declaration is flagged.
DECLARATION_WARNING_DAYS = 60


def declaration_lapses_at_new_year() -> Q:
    """Whether an association's child-record declaration runs out at New Year: it declared
    this year and not next year yet (an expression). True of none until the last
    DECLARATION_WARNING_DAYS days of the year."""
    today = timezone.localdate()
    if (datetime.date(today.year, 12, 31) - today).days > DECLARATION_WARNING_DAYS:
        return Q(pk__isnull=True)  # none: this year's declarations hold a while yet
    declared = ChildRecordDeclaration.objects.filter(association=OuterRef("pk"))
    return Q(Exists(declared.filter(year=today.year))) & ~Q(
        Exists(declared.filter(year=today.year + 1))
    )


def associations_without_admin() -> QuerySet[Association]:
    """Associations nobody can manage (the last admin left or deleted their account): the
    volunteer consultants appoint a new admin. Read from the roles, never stored."""
    return Association.objects.exclude(has_admin())


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
    return courses_queries.completed_signups_across_courses(
        Signup.objects.filter(user_id__in=user_ids)
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
    board: list  # an AssociationRole row of each board member (chair, treasurer, member)
    covered: list  # TopicCompetence with people, by topic name
    needs: list  # TopicCompetence the board needs, gaps first
    consenting_count: int = 0


def board_competence_overview(
    association: Association, *, suggestions_per_topic: int = 3
) -> BoardOverview:
    """What the board knows (from completed courses of consenting board members; a course
    that grants a qualification only while it is valid), what it says it needs, and upcoming
    published courses for each gap. Five queries however big."""
    # One entry per person, however many board roles they hold (chair and treasurer).
    board = list(
        {
            role.user_id: role
            for role in AssociationRole.objects.filter(
                association=association, role__in=BOARD_ROLES
            )
            .select_related("user")
            .order_by("-pk")
        }.values()
    )
    board.sort(key=lambda role: (role.user.full_name, role.user_id))
    consenting = {role.user_id: role.user for role in board if role.consent_show_competences}
    by_topic: dict[int, TopicCompetence] = {}
    completed = (
        _completed_signups_of(list(consenting))
        .prefetch_related(Prefetch("course__topics", queryset=Topic.objects.order_by("name")))
        .select_related("course__qualification")
    )
    today = timezone.localdate()
    for signup in completed:
        # A course that grants a qualification counts while the qualification is valid:
        # an expired first aid no longer covers first aid.
        expired = (
            signup.course.qualification_id is not None
            and signup.course.ends_at is not None
            and not courses_queries.qualification_of_signup(signup).is_valid(today)
        )
        if expired:
            continue
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
    roles = _ROLES_WITH_DECLARATION.instances(request.user.pk, year)
    if not roles:
        return None
    # One line per association, with all the person's roles in it.
    by_association: dict[int, AssociationRole] = {}
    for role in roles:
        first = by_association.setdefault(role.association_id, role)
        if first is role:
            first.role_names = []
        first.role_names.append(role.get_role_display())
        first.is_admin = first.is_admin or role.is_admin
    return {"roles": list(by_association.values()), "year": year}


# Mine sider's box on every view (core.prepared: the SQL built once per process). The year is
# a Value(): its stand-in while the SQL is built is out of the year column's range.
_ROLES_WITH_DECLARATION = PreparedQuery(
    lambda user_id, year: (
        AssociationRole.objects.filter(user=user_id)
        .select_related("association")
        .annotate(
            declared=Exists(
                ChildRecordDeclaration.objects.filter(
                    association=OuterRef("association"), year=Value(year)
                )
            )
        )
        .order_by("association__name", "association_id", "pk")
    )
)


# Read by every signup, network join and sparring form: its SQL built once (core.prepared).
_CHOICES = PreparedQuery(
    lambda user_id: (
        Association.objects.filter(roles__user_id=user_id)
        .order_by("name", "pk")
        .values_list("pk", "name")
        .distinct()
    )
)


def association_choices_for(user) -> list[tuple[int, str]]:
    """(id, name) of the associations `user` holds a role in: what the course signup, network
    and sparring forms offer (registered with `accounts.registry.register_association_source`)."""
    return [(pk, name) for pk, name in _CHOICES.rows(user.pk)[1]]
