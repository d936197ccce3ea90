"""Who may run a network: predicates and object permissions (django-rules).

A network's coordinators and the volunteer consultants manage it; decided from the
memberships and roles of now at each request, nothing stored. The coordinator tools ask
`networks.manage_network` through the core guard (`networks.views.common.manager_view`), the
services check `by` with `manages_network` and `is_network_staff` (networks/services/common.py);
the public network pages read the visitor's membership once and ask `queries.can_manage` with
it (the same rule, one query fewer).
"""

import rules

from accounts.roles import Role, has_role
from networks.models import Membership, MembershipRole, MembershipStatus


@rules.predicate
def is_network_staff(user) -> bool:
    """Volunteer consultants (and superusers) run every network and the sparring queue."""
    return has_role(user, Role.VOLUNTEER_CONSULTANT)


@rules.predicate
def is_network_coordinator(user, network) -> bool:
    """An active coordinator of this network (one query)."""
    if network is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk,
        network_id=network.pk,
        status=MembershipStatus.ACTIVE,
        role=MembershipRole.COORDINATOR,
    ).exists()


manages_network = is_network_coordinator | is_network_staff

rules.add_perm("networks.manage_network", manages_network)
