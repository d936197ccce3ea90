"""The schools app's models, split along the domain:

- `schools`: schools and their coordinators;
- `offers`: internship offers (praktikopslag) from associations;
- `placements`: placements of named pupils and their evaluations;
- `theme_weeks`: theme weeks (temauger) and the associations' contributions.

Only `schools.services` changes states (see docs/architecture.md); the models hold the data and
the invariants the database can enforce by itself. Import them from here:
`from schools.models import Placement, ThemeWeek`.
"""

from schools.models.offers import InternshipOffer, OfferStatus
from schools.models.placements import (
    OPEN_STATES,
    PLACE_HOLDING_STATES,
    EvaluationSide,
    Placement,
    PlacementEvaluation,
    PlacementPupil,
    PlacementState,
    Rating,
)
from schools.models.schools import School, SchoolCoordinator, SchoolType
from schools.models.theme_weeks import (
    ContributionKind,
    ContributionStatus,
    ThemeWeek,
    ThemeWeekContribution,
    ThemeWeekStatus,
)

__all__ = [
    "OPEN_STATES",
    "PLACE_HOLDING_STATES",
    "ContributionKind",
    "ContributionStatus",
    "EvaluationSide",
    "InternshipOffer",
    "OfferStatus",
    "Placement",
    "PlacementEvaluation",
    "PlacementPupil",
    "PlacementState",
    "Rating",
    "School",
    "SchoolCoordinator",
    "SchoolType",
    "ThemeWeek",
    "ThemeWeekContribution",
    "ThemeWeekStatus",
]
