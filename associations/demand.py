"""Boards' stated competence needs count as demand for courses (courses.queries.demand_by_topic
and the impact report). Registered with courses from AssociationsConfig.ready(), because
courses may not import associations."""

from django.db.models import Count

from associations.models import BoardCompetenceNeed


def competence_needs_by_topic() -> dict[int, int]:
    """{topic id: number of associations whose board needs it} (one query)."""
    rows = (
        BoardCompetenceNeed.objects.values("topic")
        .annotate(n=Count("association", distinct=True))
        .order_by()
    )
    return {row["topic"]: row["n"] for row in rows}
