"""How the report is laid out — the same sections, tables and charts on the screen, in the
XLSX and in the PDF."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import local_date
from insights import charts
from insights.figures import MIN_CELL, Figure, Kind
from insights.report import ImpactReport, ReportParams


@dataclass
class Table:
    key: str
    title: str
    headings: list[str]
    rows: list[list]
    chart: str = ""  # SVG


def _thing(value: int) -> Figure:
    return Figure(value)


def period_text(params: ReportParams) -> str:
    return _("Period: %(start)s – %(end)s") % {
        "start": local_date(params.start),
        "end": local_date(params.end),
    }


def filter_lines(params: ReportParams) -> list[str]:
    lines = []
    if params.topic is not None:
        lines.append(_("Topic: %(name)s") % {"name": params.topic.display_name})
    if params.provider is not None:
        lines.append(_("Provider: %(name)s") % {"name": params.provider.name})
    if params.category is not None:
        lines.append(_("Association category: %(name)s") % {"name": params.category.display_name})
    return lines


def sections(report: ImpactReport) -> list[tuple[str, list[tuple[str, Figure, str]]]]:
    """(heading, [(label, figure, note)]) for the key figures."""
    seats_note = (
        ngettext(
            "%(n)d course without a seat limit is not included.",
            "%(n)d courses without a seat limit are not included.",
            report.unlimited_courses,
        )
        % {"n": report.unlimited_courses}
        if report.unlimited_courses
        else ""
    )
    evaluation = report.evaluation
    return [
        (
            _("Courses"),
            [
                (_("Courses held"), _thing(report.courses_held), ""),
                (_("Course days held"), _thing(report.course_days), _("Meetings that took place.")),
                (
                    _("Volunteers trained"),
                    report.volunteers_trained,
                    _("Different people present at least once."),
                ),
                (_("Seats offered"), _thing(report.seats_offered), seats_note),
                (_("Seats taken"), report.seats_taken, _("Confirmed participants.")),
                (_("Fill rate"), report.fill_rate, _("Seats taken of seats offered.")),
                (_("Attendance"), report.attendance_rate, _("Marks that say present.")),
                (
                    _("Completion"),
                    report.completion_rate,
                    _("Participants who met the course's attendance requirement."),
                ),
                (_("People on waiting lists"), report.waitlisted, ""),
                (
                    _("Waiting-list pressure"),
                    report.pressure,
                    _("People on waiting lists per 100 seats offered."),
                ),
            ],
        ),
        (
            _("Associations reached"),
            [
                (_("Registered associations"), _thing(report.associations_registered), ""),
                (
                    _("Associations reached"),
                    _thing(report.associations_reached),
                    _("With at least one person among the volunteers trained."),
                ),
                (_("Share of all registered associations"), report.associations_share, ""),
            ],
        ),
        (
            _("Networks and sparring"),
            [
                (_("Networks that met"), _thing(report.networks_met), ""),
                (_("Network meetings held"), _thing(report.network_meetings), ""),
                (_("Sparring requests received"), report.sparring_received, ""),
                (_("Sparring requests answered"), report.sparring_answered, ""),
                (
                    _("Median time to an answer"),
                    report.sparring_median_days,
                    _("Half of the requests were answered faster."),
                ),
            ],
        ),
        (
            _("Schools"),
            [
                (_("Internships completed"), _thing(report.internships), ""),
                (_("Pupils in those internships"), report.internship_pupils, ""),
                (_("Associations hosting them"), _thing(report.internship_associations), ""),
                (_("Theme-week contributions"), _thing(report.theme_week_contributions), ""),
                (_("Theme weeks with contributions"), _thing(report.theme_weeks), ""),
                (_("Associations contributing"), _thing(report.theme_week_associations), ""),
            ],
        ),
        (
            _("Certificates issued"),
            [(label, figure, "") for label, figure in report.certificate_rows],
        ),
        (
            _("Course evaluations"),
            [
                (_("Answers"), Figure.people_count(evaluation.answers), ""),
                (_("Usefulness (1–5)"), report.evaluation_average, _("Average.")),
                (_("Would recommend the course"), report.evaluation_recommend, ""),
            ],
        ),
        (
            _("Unmet demand today"),
            [
                (_("Open course wishes"), _thing(report.open_wishes), ""),
                (_("People supporting them"), report.wish_supporters, ""),
                (
                    _("Board needs without a coming course"),
                    _thing(report.unmet_needs),
                    _("Stated competence needs on topics no published course covers."),
                ),
                (
                    _("Associations with such needs"),
                    _thing(report.unmet_need_associations),
                    "",
                ),
            ],
        ),
    ]


def tables(report: ImpactReport) -> list[Table]:
    """The tables behind the charts, with their charts."""
    quarter_rows = [[q.label, q.volunteers, _thing(q.meetings)] for q in report.quarters]
    topic_rows = [
        [
            row.topic.display_name,
            row.volunteers,
            _thing(row.courses),
            _thing(row.meetings),
            _thing(row.seats_offered),
            row.seats_taken,
            row.waitlisted,
            row.pressure,
            Figure(
                row.evaluations.average if row.evaluations else None,
                people=row.evaluations.answers if row.evaluations else None,
                kind=Kind.AVERAGE,
            ),
        ]
        for row in report.topics
    ]
    area_rows = [
        [row.town, _thing(row.reached), _thing(row.registered), row.share] for row in report.areas
    ]
    demand_rows = [
        [row.topic.display_name, _thing(row.wishes), row.supporters, _thing(row.board_needs)]
        for row in report.demand
    ]
    see_table = _("The numbers are in the table next to the chart.")
    return [
        Table(
            "quarters",
            _("Per quarter"),
            [_("Quarter"), _("Volunteers trained"), _("Course days held")],
            quarter_rows,
            charts.columns(
                "chart-quarters",
                _("Volunteers trained per quarter"),
                see_table,
                [charts.Bar(q.label, q.volunteers) for q in report.quarters],
            ),
        ),
        Table(
            "topics",
            _("Per topic"),
            [
                _("Topic"),
                _("Volunteers trained"),
                _("Courses held"),
                _("Course days held"),
                _("Seats offered"),
                _("Seats taken"),
                _("People on waiting lists"),
                _("Waiting-list pressure"),
                _("Usefulness (1–5)"),
            ],
            topic_rows,
            charts.horizontal_bars(
                "chart-topics",
                _("Volunteers trained per topic"),
                see_table,
                [charts.Bar(row.topic.display_name, row.volunteers) for row in report.topics],
            ),
        ),
        Table(
            "areas",
            _("Per area"),
            [
                _("Town or area"),
                _("Associations reached"),
                _("Registered associations"),
                _("Share"),
            ],
            area_rows,
            charts.horizontal_bars(
                "chart-areas",
                _("Associations reached per area"),
                see_table,
                [charts.Bar(row.town, Figure(row.reached)) for row in report.areas],
            ),
        ),
        Table(
            "demand",
            _("Unmet demand per topic"),
            [
                _("Topic"),
                _("Open wishes"),
                _("People supporting them"),
                _("Board needs without a coming course"),
            ],
            demand_rows,
            charts.horizontal_bars(
                "chart-demand",
                _("People supporting open wishes, per topic"),
                see_table,
                [charts.Bar(row.topic.display_name, row.supporters) for row in report.demand],
            ),
        ),
    ]


def notes() -> list[str]:
    return [
        _("Every figure is an aggregate. No names, emails or free text leave the platform."),
        _(
            "Topic and provider narrow the course figures, sparring requests and network "
            "meetings; association category narrows the association, internship, theme-week "
            "and board-need figures."
        ),
        _(
            "A meeting is held when it took place in the period and was not cancelled. "
            "Volunteers trained are different people marked present at a held meeting."
        ),
        _(
            "Seats, waiting lists and fill rate are about the courses that start in the "
            "period; completion and evaluations about the courses that ended in it."
        ),
        _(
            "Associations reached have at least one person (a role in the association) among "
            "the volunteers trained."
        ),
        _("Unmet demand is counted today, whatever the period."),
        _("Figures resting on fewer than %(min)d people are shown as “< %(min)d”.")
        % {"min": MIN_CELL},
    ]


def context(report: ImpactReport) -> dict:
    return {
        "report": report,
        "period": period_text(report.params),
        "filters": filter_lines(report.params),
        "sections": sections(report),
        "tables": tables(report),
        "notes": notes(),
        "min_cell": MIN_CELL,
    }
