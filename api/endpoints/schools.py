"""Internship offers for pupils (/skoler/praktik/) and schools' theme weeks (/skoler/temauger/).

Never a pupil, a placement or a coordinator: only what the public pages show.
"""

from django.utils.translation import gettext_noop
from ninja import Router

from api.endpoints.associations import association_ref
from api.operations import choice, documented, first_or_404, local, responses, site_url
from api.params import filtered, paginate
from api.schemas import OfferOut, OfferPage, ThemeWeekDetailOut, ThemeWeekPage
from schools import queries as school_queries
from schools.filters import OfferFilter
from schools.models import ContributionKind

router = Router(tags=[gettext_noop("Schools")])


def _offer_out(offer) -> dict:
    # The offer's contact person is for the schools that ask for places, not for the API.
    return {
        "id": offer.pk,
        "title": offer.title,
        "association": association_ref(offer.association),
        "town": offer.association.town,
        "tasks": offer.tasks,
        "hours_total": offer.hours_total,
        "weeks": offer.weeks,
        "starts_on": offer.starts_on,
        "ends_on": offer.ends_on,
        "places": offer.places,
        "places_left": offer.places_left,
        "minimum_age": offer.minimum_age,
        "grade_from": offer.grade_from,
        "grade_to": offer.grade_to,
        "involves_children_under_15": offer.involves_children_under_15,
        "conditions": offer.conditions,
        "status": choice(offer.status, offer.get_status_display()),
        "published_at": local(offer.published_at),
        "url": site_url(offer.get_absolute_url()),
    }


@router.get(
    "/internships/",
    response=responses(OfferPage),
    url_name="internships",
    **documented(
        summary=gettext_noop("Internship offers"),
        description=gettext_noop(
            "Associations' offers of volunteer internships for pupils (/skoler/praktik/): "
            "published and filled ones, newest first, with the list's filters."
        ),
        filterset=OfferFilter,
        filter_descriptions={
            "area": gettext_noop("The association's town, as written on the offers."),
        },
    ),
)
def list_offers(request):
    offers = school_queries.public_offers()
    areas = sorted(set(offers.values_list("association__town", flat=True)))
    page = paginate(request, filtered(OfferFilter, request, offers, areas=areas))
    return {**page.envelope, "results": [_offer_out(offer) for offer in page.objects]}


@router.get(
    "/internships/{int:offer_id}/",
    response=responses(OfferOut),
    url_name="internship",
    **documented(
        summary=gettext_noop("An internship offer"),
        description=gettext_noop("One published or filled offer by its id."),
        paged=False,
    ),
)
def offer_detail(request, offer_id: int):
    offer = first_or_404(school_queries.public_offers().filter(pk=offer_id))
    return _offer_out(offer)


def _theme_week_out(theme_week) -> dict:
    wanted = (
        (theme_week.wants_talk, ContributionKind.TALK),
        (theme_week.wants_workshop, ContributionKind.WORKSHOP),
        (theme_week.wants_visit, ContributionKind.VISIT),
    )
    return {
        "id": theme_week.pk,
        "theme": theme_week.theme,
        "description": theme_week.description,
        "school": theme_week.school.name,
        "starts_on": theme_week.starts_on,
        "ends_on": theme_week.ends_on,
        "grade_level": theme_week.grade_level,
        "status": choice(theme_week.status, theme_week.get_status_display()),
        "wants": [choice(kind.value, kind.label) for wants, kind in wanted if wants],
        "accepted_contributions": theme_week.accepted_count,
        "url": site_url(theme_week.get_absolute_url()),
    }


@router.get(
    "/theme-weeks/",
    response=responses(ThemeWeekPage),
    url_name="theme_weeks",
    **documented(
        summary=gettext_noop("Theme weeks"),
        description=gettext_noop(
            "Schools' theme weeks that have not ended and are not cancelled, soonest first "
            "(/skoler/temauger/)."
        ),
    ),
)
def list_theme_weeks(request):
    page = paginate(request, school_queries.open_theme_weeks())
    return {**page.envelope, "results": [_theme_week_out(week) for week in page.objects]}


@router.get(
    "/theme-weeks/{int:theme_week_id}/",
    response=responses(ThemeWeekDetailOut),
    url_name="theme_week",
    **documented(
        summary=gettext_noop("A theme week"),
        description=gettext_noop("One theme week by its id, with its programme."),
        paged=False,
    ),
)
def theme_week_detail(request, theme_week_id: int):
    theme_week = first_or_404(school_queries.open_theme_weeks().filter(pk=theme_week_id))
    return {
        **_theme_week_out(theme_week),
        "programme": [
            {
                "id": contribution.pk,
                "kind": choice(contribution.kind, contribution.get_kind_display()),
                "title": contribution.title,
                "description": contribution.description,
                "association": association_ref(contribution.association),
                "starts_at": local(contribution.starts_at),
                "ends_at": local(contribution.ends_at),
                "place": contribution.place,
            }
            for contribution in school_queries.programme(theme_week)
        ],
    }
