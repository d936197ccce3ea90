"""Networks in the site search (core.search, cms/search.py): listed ones only.

An unlisted network is found only through a direct link or an invitation, so search must not
show it; what a network shows everyone (name, summary, description) is all that is indexed.
"""

from django.utils.translation import gettext_lazy as _

from core.search import register_search_group
from networks.models import Network


def searchable_networks():
    return Network.objects.filter(is_listed=True)


def register() -> None:
    register_search_group(
        "networks",
        _("Networks"),
        searchable_networks,
        text=lambda network: f"{network.summary} {network.description}",
        meta=lambda network: network.get_audience_display(),
        order=30,
    )
