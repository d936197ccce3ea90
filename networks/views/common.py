"""What every network view needs: the network, the visitor's membership, what they may do."""

from dataclasses import dataclass

from django.http import Http404

from core.permissions import permission_required_or_404
from networks import queries
from networks.models import Membership, MembershipStatus, Network


@dataclass
class Access:
    network: Network
    membership: Membership | None
    can_manage: bool

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.status == MembershipStatus.ACTIVE

    @property
    def is_pending(self) -> bool:
        return self.membership is not None and self.membership.status == MembershipStatus.PENDING

    @property
    def sees_member_content(self) -> bool:
        """Place, online link, notes and the member list: members and managers only."""
        return self.is_member or self.can_manage


def network_access(request, slug: str) -> Access:
    network = network_of(request, slug)
    membership = queries.membership_of(request.user, network)
    return Access(
        network=network,
        membership=membership,
        can_manage=queries.can_manage(request.user, network, membership),
    )


def network_of(request, slug: str) -> Network:
    network = queries.network_by_slug(slug)
    if network is None:
        raise Http404
    return network


# The coordinator tools' guard: the core one with `networks.manage_network` (networks/rules.py).
# Anonymous visitors log in first; without the permission a 404, so a coordinator of one network
# cannot even see that another's tools exist. The view gets the network and its other arguments.
manager_view = permission_required_or_404("networks.manage_network", network_of)


def safe_next(request, default: str) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next")
    # A path on this site only: redirect() would take "abc" for a URL name (a 500).
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default
