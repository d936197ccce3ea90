""" "Frivilligløft i tal": every figure of the impact report, computed in the database.

`build_report(params)` runs a fixed number of aggregate queries (tests/insights pins it),
however many courses, people or meetings the period holds: each figure is a COUNT, SUM or
GROUP BY in SQL, and Python only arranges the few rows that come back (one per topic, quarter
or town). Domain rules come from the apps' queries (what a completed course is:
courses.queries.completed_signups_across_courses; what a completed internship is:
schools.queries.completed_placements); the rest reads the apps' models, read only.

Definitions (also in docs/insights.md):
- a meeting is *held* when it is not cancelled and started within the period (and not in the
  future); courses count when they are published;
- *volunteers trained*: different people marked present at a held meeting;
- *seats offered and taken*: the capacity of the courses that start in the period, and their
  confirmed participants (courses without a limit are counted apart);
- *attendance*: the share of attendance marks at held meetings that say "present";
- *completion*: the share of confirmed participants of courses that ended in the period who
  met the course's attendance requirement;
- *waiting-list pressure*: people who joined a waiting list per 100 seats offered;
- *associations reached*: associations with at least one person (a role in the association)
  among the volunteers trained;
- *unmet demand* (today, not the period): open course wishes and their supporters, and boards'
  competence needs on topics without a coming course.
"""

from datetime import datetime

from django.utils import timezone

from insights.report.courses import add_course_figures, add_evaluations, add_quarters_and_topics
from insights.report.demand import add_unmet_demand
from insights.report.reach import (
    add_associations,
    add_certificates,
    add_networks_and_sparring,
    add_schools,
)
from insights.report.scope import make_scope, quarters_between
from insights.report.types import (
    AreaRow,
    DemandRow,
    ImpactReport,
    QuarterRow,
    ReportParams,
    TopicRow,
)

__all__ = [
    "AreaRow",
    "DemandRow",
    "ImpactReport",
    "QuarterRow",
    "ReportParams",
    "TopicRow",
    "build_report",
    "quarters_between",
]


def build_report(params: ReportParams, *, now: datetime | None = None) -> ImpactReport:
    """Every figure of the report for `params`, in a fixed number of queries."""
    now = now or timezone.now()
    report = ImpactReport(params=params, generated_at=now)
    scope = make_scope(params, now)
    add_course_figures(report, scope)
    add_quarters_and_topics(report, scope)
    add_evaluations(report, scope)
    add_associations(report, scope)
    add_networks_and_sparring(report, scope)
    add_schools(report, scope)
    add_certificates(report, scope)
    add_unmet_demand(report, scope)
    return report
