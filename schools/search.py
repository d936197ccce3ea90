"""Internship offers and theme weeks in the site search (core.search, cms/search.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import local_date
from core.search import register_search_group
from schools.models import InternshipOffer, OfferStatus, ThemeWeek, ThemeWeekStatus


def searchable_offers():
    """Offers anyone may see (as `queries.public_offers`), in fields the index can filter."""
    return InternshipOffer.objects.filter(
        status__in=[OfferStatus.PUBLISHED, OfferStatus.FILLED], association__is_public=True
    ).select_related("association")


def searchable_theme_weeks():
    """Theme weeks as `queries.open_theme_weeks` lists them: not ended, not cancelled."""
    return ThemeWeek.objects.filter(
        status__in=[ThemeWeekStatus.OPEN, ThemeWeekStatus.CLOSED],
        ends_on__gte=timezone.localdate(),
    ).select_related("school")


def _offer_meta(offer) -> str:
    return f"{offer.association.name} · {offer.weeks}"


def _theme_week_meta(theme_week) -> str:
    return f"{local_date(theme_week.starts_on)} – {local_date(theme_week.ends_on)}"


def register() -> None:
    register_search_group(
        "internship_offers",
        _("Volunteer internships"),
        searchable_offers,
        text=lambda offer: f"{offer.tasks} {offer.conditions}",
        meta=_offer_meta,
        order=50,
    )
    register_search_group(
        "theme_weeks",
        _("Theme weeks"),
        searchable_theme_weeks,
        text=lambda theme_week: theme_week.description,
        meta=_theme_week_meta,
        order=60,
    )
