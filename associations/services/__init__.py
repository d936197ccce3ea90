"""Every state change in associations happens here (see docs/architecture.md).

Each function checks who may make the change, runs in one transaction and raises
`AssociationError` with a translated message the views show as is. The acting person is the
keyword-only `by`, as in every app's services. Changes to an association's people lock the
association row (`common.lock`), so two admins demoting each other at the same time cannot
leave it without an admin.
"""

from associations.services.activities import (
    ACTIVITY_FIELDS,
    VENUE_FIELDS,
    delete_activity,
    delete_venue,
    register_stand,
    save_activity,
    save_venue,
    withdraw_stand,
)
from associations.services.board import (
    add_competence_need,
    declare_child_records,
    remove_competence_need,
)
from associations.services.common import AssociationError
from associations.services.details import (
    ASSOCIATION_FIELDS,
    create_association,
    unverify_association,
    update_association,
    verify_association,
)
from associations.services.invitations import (
    INVITATION_DAYS,
    InvitationForSomeoneElse,
    accept_invitation,
    find_invitation,
    invitation_path,
    invitation_refusal,
    invite_person,
    revoke_invitation,
)
from associations.services.people import (
    add_or_invite_person,
    add_person,
    change_role,
    remove_people_of_deleted_account,
    remove_person,
    set_competence_consent,
    tell_consultants_no_admin,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "ASSOCIATION_FIELDS",
    "INVITATION_DAYS",
    "VENUE_FIELDS",
    "AssociationError",
    "InvitationForSomeoneElse",
    "accept_invitation",
    "add_competence_need",
    "add_or_invite_person",
    "add_person",
    "change_role",
    "create_association",
    "declare_child_records",
    "delete_activity",
    "delete_venue",
    "find_invitation",
    "invitation_path",
    "invitation_refusal",
    "invite_person",
    "register_stand",
    "remove_competence_need",
    "remove_people_of_deleted_account",
    "remove_person",
    "revoke_invitation",
    "save_activity",
    "save_venue",
    "set_competence_consent",
    "tell_consultants_no_admin",
    "unverify_association",
    "update_association",
    "verify_association",
    "withdraw_stand",
]
