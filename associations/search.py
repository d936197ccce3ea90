"""Associations in the site search (core.search, cms/search.py): those shown in the directory."""

from django.utils.translation import gettext_lazy as _

from associations.models import Association
from core.search import register_search_group


def searchable_associations():
    """As `queries.public_associations`: hidden associations are never found."""
    return Association.objects.filter(is_public=True)


def register() -> None:
    register_search_group(
        "associations",
        _("Associations"),
        searchable_associations,
        text=lambda association: f"{association.summary} {association.description}",
        meta=lambda association: association.town,
        order=40,
    )
