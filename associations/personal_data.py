"""What associations stores about a person: for "download my data" and account deletion."""

from associations.models import AssociationRole


def export_data(user) -> dict:
    roles = AssociationRole.objects.filter(user=user).select_related("association")
    return {
        "roles": [
            {
                "association": role.association.name,
                "role": role.role,
                "is_admin": role.is_admin,
                "show_completed_courses_to_board": role.consent_show_competences,
                "since": role.created_at.isoformat(),
            }
            for role in roles.order_by("association__name", "pk")
        ]
    }


def erase_data(user) -> None:
    """Remove the person's roles; an association left without an admin goes to the volunteer
    consultants (associations.services). Declarations and stands they made stay with the
    association, without their name (the foreign keys are SET_NULL)."""
    from associations import services

    services.remove_people_of_deleted_account(user)
