"""The report's parameters and what it holds: figures, and the rows of its tables."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from associations.models import Category
from certificates.models import CertificateKind
from courses.models import Provider
from insights.figures import Figure
from taxonomy.models import Topic


@dataclass(frozen=True)
class ReportParams:
    start: date  # first day, inclusive
    end: date  # last day, inclusive
    topic: Topic | None = None
    provider: Provider | None = None
    category: Category | None = None

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_at(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


@dataclass
class TopicRow:
    topic: Topic
    volunteers: Figure
    meetings: int
    courses: int
    seats_offered: int
    seats_taken: Figure
    waitlisted: Figure
    pressure: Figure  # waiting-list joiners per 100 seats offered
    evaluations: object = None  # courses.queries.EvaluationSummary


@dataclass
class QuarterRow:
    year: int
    quarter: int
    volunteers: Figure
    meetings: int

    @property
    def label(self) -> str:
        return _("Q%(quarter)d %(year)d") % {"quarter": self.quarter, "year": self.year}


@dataclass
class AreaRow:
    town: str
    registered: int
    reached: int

    @property
    def share(self) -> Figure:
        return Figure.share(self.reached, self.registered, people=None)


@dataclass
class DemandRow:
    topic: Topic
    wishes: int
    supporters: Figure
    board_needs: int


@dataclass
class ImpactReport:
    params: ReportParams
    generated_at: datetime
    # Courses
    courses_held: int = 0
    course_days: int = 0
    volunteers_trained: Figure = None
    seats_offered: int = 0
    unlimited_courses: int = 0
    seats_taken: Figure = None
    fill_rate: Figure = None
    attendance_rate: Figure = None
    completion_rate: Figure = None
    completed: Figure = None
    waitlisted: Figure = None
    pressure: Figure = None
    # Reach
    associations_registered: int = 0
    associations_reached: int = 0
    associations_share: Figure = None
    # Networks and sparring
    networks_met: int = 0
    network_meetings: int = 0
    sparring_received: Figure = None
    sparring_answered: Figure = None
    sparring_median_days: Figure = None
    # Schools
    internships: int = 0
    internship_pupils: Figure = None
    internship_associations: int = 0
    theme_week_contributions: int = 0
    theme_weeks: int = 0
    theme_week_associations: int = 0
    # Certificates and evaluations
    certificates: dict = field(default_factory=dict)  # kind → Figure
    evaluation: object = None  # courses.queries.EvaluationSummary
    evaluation_average: Figure = None
    evaluation_recommend: Figure = None
    # Demand (today)
    open_wishes: int = 0
    wish_supporters: Figure = None
    unmet_needs: int = 0
    unmet_need_associations: int = 0
    # Tables behind the charts
    topics: list[TopicRow] = field(default_factory=list)
    quarters: list[QuarterRow] = field(default_factory=list)
    areas: list[AreaRow] = field(default_factory=list)
    demand: list[DemandRow] = field(default_factory=list)

    @property
    def certificate_rows(self) -> list[tuple[str, Figure]]:
        return [
            (str(CertificateKind(kind).label), figure) for kind, figure in self.certificates.items()
        ]
