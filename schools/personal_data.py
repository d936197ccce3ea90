"""What schools stores about a person: coordinator roles, requests and evaluations they made.

Pupils are not users: their first names and classes belong to the school's placements and stay
with them. Deleting a coordinator's account removes their coordinator roles; the placements
they requested stay (with `requested_by` emptied by SET_NULL) because the school still needs them.
"""

from schools.models import Placement, PlacementEvaluation, SchoolCoordinator, ThemeWeek


def _iso(value):
    return value.isoformat() if value else None


def export_data(user) -> dict:
    return {
        "school_coordinator_for": [
            role.school.name
            for role in SchoolCoordinator.objects.filter(user=user).select_related("school")
        ],
        "placements_requested": [
            {
                "offer": p.offer.title,
                "school": p.school.name,
                "state": p.state,
                "requested_at": _iso(p.requested_at),
                "message": p.message,
            }
            for p in Placement.objects.filter(requested_by=user).select_related("offer", "school")
        ],
        "evaluations": [
            {
                "placement": str(e.placement),
                "side": e.side,
                "rating": e.rating,
                "went_well": e.went_well,
                "could_improve": e.could_improve,
                "answered_at": _iso(e.submitted_at),
            }
            for e in PlacementEvaluation.objects.filter(submitted_by=user).select_related(
                "placement__offer", "placement__school"
            )
        ],
        "theme_weeks_posted": [
            {"theme": t.theme, "school": t.school.name, "starts_on": _iso(t.starts_on)}
            for t in ThemeWeek.objects.filter(created_by=user).select_related("school")
        ],
    }


def erase_data(user) -> None:
    # Foreign keys to the user are SET_NULL except the coordinator role, which goes with them.
    SchoolCoordinator.objects.filter(user=user).delete()
