"""Course wishes and the demand per topic.

Demand is what people have asked for: the supporters of open wishes, plus what other apps
register as demand (associations registers its boards' stated competence needs from its
AppConfig.ready(), since courses may not import associations).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import CourseWish, WishStatus, WishSupport
from courses.models.wishes import PUBLIC_WISH_STATUSES
from courses.queries.signups import published_courses
from taxonomy.models import Topic


@dataclass(frozen=True)
class DemandSource:
    key: str
    label: str  # a lazily translated column heading, e.g. "Boards that need it"
    counts_by_topic: Callable[[], dict[int, int]]  # {topic id: count}, one query


_DEMAND_SOURCES: dict[str, DemandSource] = {}


def register_demand_source(key: str, label, counts_by_topic: Callable[[], dict[int, int]]) -> None:
    """Count something as demand for courses on a topic (idempotent per key)."""
    _DEMAND_SOURCES[key] = DemandSource(key, label, counts_by_topic)


def demand_sources() -> list[DemandSource]:
    return sorted(_DEMAND_SOURCES.values(), key=lambda source: source.key)


def public_wishes(user=None) -> QuerySet[CourseWish]:
    """Open and planned wishes with their number of supporters (and, for a signed-in person,
    whether they support it), most supported first."""
    wishes = (
        CourseWish.objects.filter(status__in=PUBLIC_WISH_STATUSES)
        .select_related("topic", "planned_course")
        .annotate(support_count=Count("supports", distinct=True))
    )
    if user is not None and user.is_authenticated:
        wishes = wishes.annotate(
            supported=Exists(WishSupport.objects.filter(wish=OuterRef("pk"), user=user))
        )
    else:
        wishes = wishes.annotate(supported=Value(False))
    return wishes.order_by("status", "-support_count", "-created_at", "-pk")


@dataclass
class TopicDemand:
    topic: Topic
    open_wishes: int = 0
    planned_wishes: int = 0
    supporters: int = 0  # distinct people supporting the topic's open wishes
    expected: int = 0  # how many the proposers of open wishes said would come
    other: dict[str, int] = field(default_factory=dict)  # DemandSource.key → count
    upcoming_courses: int = 0

    @property
    def score(self) -> int:
        """People asking (supporters) plus the other sources (e.g. boards needing it)."""
        return self.supporters + sum(self.other.values())

    @property
    def unmet(self) -> bool:
        """Demand that no coming course answers."""
        return self.score > 0 and self.upcoming_courses == 0


def demand_by_topic(now=None) -> list[TopicDemand]:
    """Every topic someone asks for, most demand first. 4 queries plus one per demand source."""
    now = now or timezone.now()
    wish_rows = (
        CourseWish.objects.filter(status__in=(WishStatus.OPEN, WishStatus.PLANNED))
        .values("topic")
        .annotate(
            open=Count("pk", filter=Q(status=WishStatus.OPEN)),
            planned=Count("pk", filter=Q(status=WishStatus.PLANNED)),
            expected=Coalesce(Sum("expected_participants", filter=Q(status=WishStatus.OPEN)), 0),
        )
        .order_by()
    )
    supporter_rows = (
        WishSupport.objects.filter(wish__status=WishStatus.OPEN)
        .values("wish__topic")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    course_rows = (
        published_courses()
        .filter(ends_at__gte=now, topics__isnull=False)
        .values("topics")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    upcoming = {row["topics"]: row["n"] for row in course_rows}
    entries: dict[int, dict] = {}
    for row in wish_rows:
        entries.setdefault(row["topic"], {}).update(
            open_wishes=row["open"], planned_wishes=row["planned"], expected=row["expected"]
        )
    for row in supporter_rows:
        entries.setdefault(row["wish__topic"], {})["supporters"] = row["n"]
    for source in demand_sources():
        for topic_id, count in source.counts_by_topic().items():
            if count:
                entries.setdefault(topic_id, {}).setdefault("other", {})[source.key] = count
    topics = Topic.objects.in_bulk(list(entries))
    demand = [
        TopicDemand(topic=topics[topic_id], upcoming_courses=upcoming.get(topic_id, 0), **values)
        for topic_id, values in entries.items()
        if topic_id in topics
    ]
    demand.sort(key=lambda d: (-d.score, -d.expected, d.topic.name))
    return demand
