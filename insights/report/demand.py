"""Unmet demand, counted today whatever the period: open course wishes and their supporters,
and boards' competence needs on topics no coming course covers."""

from django.db.models import Count

from associations.models import BoardCompetenceNeed
from courses import queries as course_queries
from courses.models import CourseWish, WishStatus
from insights.figures import Figure
from insights.report.scope import Scope, grouped
from insights.report.types import DemandRow, ImpactReport
from taxonomy.models import Topic


def add_unmet_demand(report: ImpactReport, scope: Scope) -> None:
    params, now = scope.params, scope.now
    coming = course_queries.published_courses().filter(ends_at__gte=now).values("topics")
    wishes = CourseWish.objects.filter(status=WishStatus.OPEN)
    needs = BoardCompetenceNeed.objects.exclude(topic__in=coming)
    if params.topic is not None:
        wishes = wishes.filter(topic=params.topic)
        needs = needs.filter(topic=params.topic)
    if params.category is not None:
        needs = needs.filter(association__categories=params.category)
    wish_totals = wishes.aggregate(
        wishes=Count("pk", distinct=True), supporters=Count("supports__user", distinct=True)
    )
    report.open_wishes = wish_totals["wishes"]
    report.wish_supporters = Figure.people_count(wish_totals["supporters"])
    need_totals = needs.aggregate(
        needs=Count("pk", distinct=True), associations=Count("association", distinct=True)
    )
    report.unmet_needs = need_totals["needs"]
    report.unmet_need_associations = need_totals["associations"]
    wishes_by_topic = grouped(
        wishes,
        "topic",
        wishes=Count("pk", distinct=True),
        supporters=Count("supports__user", distinct=True),
    )
    needs_by_topic = grouped(needs, "topic", needs=Count("pk", distinct=True))
    demand_topics = Topic.objects.in_bulk(list(set(wishes_by_topic) | set(needs_by_topic)))
    report.demand = sorted(
        (
            DemandRow(
                topic=topic,
                wishes=(wishes_by_topic.get(pk) or {}).get("wishes", 0),
                supporters=Figure.people_count(
                    (wishes_by_topic.get(pk) or {}).get("supporters", 0)
                ),
                board_needs=(needs_by_topic.get(pk) or {}).get("needs", 0),
            )
            for pk, topic in demand_topics.items()
        ),
        key=lambda row: (
            -((row.supporters.value or 0) + row.board_needs),
            row.topic.name,
        ),
    )
