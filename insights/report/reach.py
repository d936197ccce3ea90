"""Beyond the courses: associations reached (per area), networks and sparring, internships and
theme weeks, certificates."""

from django.db.models import Count, F, Q, QuerySet, Sum

from certificates.models import Certificate, CertificateKind
from insights.figures import Figure, Kind
from insights.report.scope import Scope, associations_in_scope
from insights.report.types import AreaRow, ImpactReport
from networks.models import MeetingStatus, NetworkMeeting, SparringRequest
from schools import queries as school_queries
from schools.models import ContributionStatus, ThemeWeekContribution


def add_associations(report: ImpactReport, scope: Scope) -> None:
    params, marks = scope.params, scope.marks
    trained = marks.filter(present=True).values("signup__user")
    associations = associations_in_scope(params)
    reached = Q(roles__user__in=trained)
    totals = associations.aggregate(
        registered=Count("pk", distinct=True),
        reached=Count("pk", filter=reached, distinct=True),
    )
    report.associations_registered = totals["registered"]
    report.associations_reached = totals["reached"]
    report.associations_share = Figure.share(totals["reached"], totals["registered"], people=None)
    report.areas = sorted(
        (
            AreaRow(town=row["town"], registered=row["registered"], reached=row["reached"])
            for row in associations.values("town")
            .annotate(
                registered=Count("pk", distinct=True),
                reached=Count("pk", filter=reached, distinct=True),
            )
            .order_by()
        ),
        key=lambda row: (-row.reached, -row.registered, row.town),
    )


def add_networks_and_sparring(report: ImpactReport, scope: Scope) -> None:
    params, start, end = scope.params, scope.start, scope.end
    network_meetings = NetworkMeeting.objects.filter(
        status=MeetingStatus.PLANNED, starts_at__gte=start, starts_at__lt=end
    )
    sparring = SparringRequest.objects.all()
    if params.topic is not None:
        network_meetings = network_meetings.filter(network__topics=params.topic)
        sparring = sparring.filter(topic=params.topic)
    networks = network_meetings.aggregate(
        meetings=Count("pk", distinct=True), networks=Count("network", distinct=True)
    )
    report.network_meetings, report.networks_met = networks["meetings"], networks["networks"]
    answered_in_period = Q(answered_at__gte=start, answered_at__lt=end)
    counts = sparring.aggregate(
        received=Count("pk", filter=Q(created_at__gte=start, created_at__lt=end)),
        answered=Count("pk", filter=answered_in_period),
    )
    report.sparring_received = Figure.people_count(counts["received"])
    report.sparring_answered = Figure.people_count(counts["answered"])
    report.sparring_median_days = Figure(
        median_days(sparring.filter(answered_in_period), counts["answered"]),
        people=counts["answered"],
        kind=Kind.DAYS,
    )


def add_schools(report: ImpactReport, scope: Scope) -> None:
    params, start, end = scope.params, scope.start, scope.end
    placements = school_queries.completed_placements().filter(
        completed_at__gte=start, completed_at__lt=end
    )
    contributions = ThemeWeekContribution.objects.filter(
        status=ContributionStatus.ACCEPTED, starts_at__gte=start, starts_at__lt=end
    )
    if params.category is not None:
        placements = placements.filter(offer__association__categories=params.category)
        contributions = contributions.filter(association__categories=params.category)
    internships = placements.aggregate(
        placements=Count("pk", distinct=True),
        pupils=Sum("pupil_count"),
        associations=Count("offer__association", distinct=True),
    )
    report.internships = internships["placements"]
    report.internship_pupils = Figure.people_count(internships["pupils"] or 0)
    report.internship_associations = internships["associations"]
    theme = contributions.aggregate(
        contributions=Count("pk", distinct=True),
        theme_weeks=Count("theme_week", distinct=True),
        associations=Count("association", distinct=True),
    )
    report.theme_week_contributions = theme["contributions"]
    report.theme_weeks = theme["theme_weeks"]
    report.theme_week_associations = theme["associations"]


def add_certificates(report: ImpactReport, scope: Scope) -> None:
    start, end, courses = scope.start, scope.end, scope.courses
    issued = Certificate.objects.filter(
        issued_at__gte=start, issued_at__lt=end, revoked_at__isnull=True
    ).filter(~Q(kind=CertificateKind.COURSE) | Q(source_signup__course__in=courses))
    by_kind = issued.aggregate(
        **{kind: Count("pk", filter=Q(kind=kind)) for kind in CertificateKind.values}
    )
    report.certificates = {kind: Figure.people_count(n) for kind, n in by_kind.items()}


def median_days(answered: QuerySet[SparringRequest], count: int) -> float | None:
    """The median time from request to answer, in days: the middle row (or the two middle
    rows) by answer time, found by the database (ORDER BY … LIMIT/OFFSET), one query."""
    if count == 0:
        return None
    middle = list(
        answered.annotate(wait=F("answered_at") - F("created_at"))
        .order_by("wait", "pk")
        .values_list("wait", flat=True)[(count - 1) // 2 : count // 2 + 1]
    )
    seconds = sum(wait.total_seconds() for wait in middle) / len(middle)
    return seconds / 86400
