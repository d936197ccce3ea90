"""Associations (/foreninger/) and volunteer fairs (/frivilligmesse/)."""

from django.utils import timezone
from django.utils.translation import gettext_noop
from ninja import Router

from api.operations import choice, documented, first_or_404, local, responses, site_url
from api.params import filtered, paginate
from api.schemas import AssociationDetailOut, AssociationPage, FairDetailOut, FairPage
from associations import queries as association_queries
from associations.filters import AssociationFilter
from associations.models import Fair

router = Router(tags=[gettext_noop("Associations")])


def association_ref(association) -> dict:
    return {
        "slug": association.slug,
        "name": association.name,
        "url": site_url(association.get_absolute_url()),
    }


def _association_out(association, year: int) -> dict:
    # The association's email and phone stay on its page: in a small association they are
    # often a person's own.
    return {
        "id": association.pk,
        "slug": association.slug,
        "name": association.name,
        "summary": association.summary,
        "town": association.town,
        "categories": [
            {"slug": category.slug, "name": category.display_name}
            for category in association.categories.all()
        ],
        "url": site_url(association.get_absolute_url()),
        "website": association.website,
        "looking_for_volunteers": association.wants_volunteers,
        "child_record_declaration_year": year if association.has_declaration else None,
        "verified": association.verified_by_staff,
    }


@router.get(
    "/associations/",
    response=responses(AssociationPage),
    url_name="associations",
    **documented(
        summary=gettext_noop("Associations"),
        description=gettext_noop(
            "The association directory (/foreninger/) by name, with the directory's filters. "
            "Hidden associations are not part of the API."
        ),
        filterset=AssociationFilter,
        filter_descriptions={
            "q": gettext_noop("Words in the name, texts, town or activities (all must match)."),
            "category": gettext_noop("A category's slug."),
            "area": gettext_noop("A town or area, as written on the associations."),
            "volunteers_wanted": gettext_noop("true: only associations looking for volunteers."),
        },
    ),
)
def list_associations(request):
    today = timezone.localdate()
    associations = association_queries.directory_associations(today)
    page = paginate(request, filtered(AssociationFilter, request, associations))
    return {
        **page.envelope,
        "results": [_association_out(association, today.year) for association in page.objects],
    }


@router.get(
    "/associations/{slug}/",
    response=responses(AssociationDetailOut),
    url_name="association",
    **documented(
        summary=gettext_noop("An association"),
        description=gettext_noop(
            "One association's public profile: description, activities, venues, its "
            "child-record declaration for this year and its stands at coming fairs."
        ),
        paged=False,
    ),
)
def association_detail(request, slug: str):
    today = timezone.localdate()
    association = first_or_404(association_queries.directory_associations(today).filter(slug=slug))
    return {
        **_association_out(association, today.year),
        "description": association.description,
        "address": association.address,
        "activities": [
            {
                "id": activity.pk,
                "title": activity.title,
                "description": activity.description,
                "schedule": activity.schedule,
                "starts_at": local(activity.starts_at),
                "ends_at": local(activity.ends_at),
                "venue": activity.venue.name if activity.venue else "",
                "audience": choice(activity.audience, activity.get_audience_display()),
                "looking_for_volunteers": activity.looking_for_volunteers,
            }
            for activity in association_queries.public_activities(association)
        ],
        "venues": [
            {
                "id": venue.pk,
                "name": venue.name,
                "address": venue.address,
                "accessibility": venue.accessibility,
                "capacity": venue.capacity,
            }
            for venue in association.venues.order_by("name", "pk")
        ],
        "fair_stands": [
            {
                "fair": stand.fair.title,
                "fair_slug": stand.fair.slug,
                "date": stand.fair.date,
                "url": site_url(stand.fair.get_absolute_url()),
            }
            for stand in association_queries.coming_stands_of(association, today)
        ],
    }


def _time(value) -> str:
    return value.strftime("%H:%M") if value else ""


def _fair_out(fair, today) -> dict:
    return {
        "id": fair.pk,
        "slug": fair.slug,
        "title": fair.title,
        "date": fair.date,
        "opens": _time(fair.starts_at),
        "closes": _time(fair.ends_at),
        "place": fair.place,
        "address": fair.address,
        "description": fair.description,
        "registration_deadline": fair.registration_deadline,
        "registration_open": fair.registration_open(today),
        "url": site_url(fair.get_absolute_url()),
    }


@router.get(
    "/fairs/",
    response=responses(FairPage),
    url_name="fairs",
    **documented(
        summary=gettext_noop("Volunteer fairs"),
        description=gettext_noop("Published volunteer fairs from today on, soonest first."),
    ),
)
def list_fairs(request):
    today = timezone.localdate()
    page = paginate(request, association_queries.coming_fairs(today))
    return {**page.envelope, "results": [_fair_out(fair, today) for fair in page.objects]}


@router.get(
    "/fairs/{slug}/",
    response=responses(FairDetailOut),
    url_name="fair",
    **documented(
        summary=gettext_noop("A volunteer fair"),
        description=gettext_noop(
            "One published fair by its slug, with the stands of the associations in the "
            "directory, by name."
        ),
        paged=False,
    ),
)
def fair_detail(request, slug: str):
    fair = first_or_404(Fair.objects.filter(slug=slug, is_published=True))
    return {
        **_fair_out(fair, timezone.localdate()),
        "stands": [
            {
                "association": association_ref(stand.association),
                "offer": stand.offer,
                "volunteers_sought": stand.volunteers_sought,
            }
            for stand in association_queries.fair_stands(fair)
        ],
    }
