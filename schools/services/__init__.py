"""Every state change in schools happens here (see docs/architecture.md).

Each function runs in one transaction, locks the row it decides on, checks the move against
the transition tables (`OFFER_TRANSITIONS`, `PLACEMENT_TRANSITIONS`, `THEME_WEEK_TRANSITIONS`,
`CONTRIBUTION_TRANSITIONS`) and raises `SchoolError` with a translated message the views show
as is. Emails to the other side go out after commit, in the recipient's language.
"""

from schools.services.common import SchoolError
from schools.services.offers import (
    OFFER_TRANSITIONS,
    change_offer_status,
    create_offer,
    places_held,
    update_offer,
)
from schools.services.placements import (
    PLACEMENT_TRANSITIONS,
    Pupil,
    accept_placement,
    agree_placement,
    allowed_moves,
    cancel_placement,
    confirm_hours,
    decline_placement,
    request_placement,
    submit_evaluation,
)
from schools.services.theme_weeks import (
    CONTRIBUTION_TRANSITIONS,
    THEME_WEEK_TRANSITIONS,
    accept_contribution,
    change_theme_week_status,
    contribution_actors,
    decline_contribution,
    offer_contribution,
    post_theme_week,
    withdraw_contribution,
)

__all__ = [
    "CONTRIBUTION_TRANSITIONS",
    "OFFER_TRANSITIONS",
    "PLACEMENT_TRANSITIONS",
    "THEME_WEEK_TRANSITIONS",
    "Pupil",
    "SchoolError",
    "accept_contribution",
    "accept_placement",
    "agree_placement",
    "allowed_moves",
    "cancel_placement",
    "change_offer_status",
    "change_theme_week_status",
    "confirm_hours",
    "contribution_actors",
    "create_offer",
    "decline_contribution",
    "decline_placement",
    "offer_contribution",
    "places_held",
    "post_theme_week",
    "request_placement",
    "submit_evaluation",
    "update_offer",
    "withdraw_contribution",
]
