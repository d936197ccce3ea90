"""Who may act for an association: predicates and object permissions (django-rules).

An association's admins manage it on Mine foreninger; staff with the role permissions of the
Wagtail admin (volunteer consultants) step in on its people when it has lost its admins.
Decided from the roles of today at each request; nothing is stored. The services check `by`
with these rules (`services.common.require_admin`, `require_admin_or_staff`).
"""

import rules

from associations import queries


@rules.predicate
def is_association_admin(user, association) -> bool:
    """An admin of this association now (one query)."""
    return association is not None and queries.is_association_admin(user, association)


@rules.predicate
def administers_an_association(user) -> bool:
    """An admin of at least one association (one query)."""
    return queries.associations_administered_by(user).exists()


def _staff_who_may(action: str) -> rules.Predicate:
    """Staff whose Wagtail permissions allow `action` (add, change, delete) on roles."""
    permission = f"associations.{action}_associationrole"

    def staff_may(user) -> bool:
        return user.has_perm(permission)

    return rules.predicate(staff_may, name=f"staff_may_{action}_roles")


rules.add_perm("associations.manage_association", is_association_admin)
# "associations.add_roles_of" and so on: the association's admins, or staff allowed to
# `action` roles in the Wagtail admin; the last-admin rule holds for both.
for _action in ("add", "change", "delete"):
    rules.add_perm(
        f"associations.{_action}_roles_of", _staff_who_may(_action) | is_association_admin
    )
