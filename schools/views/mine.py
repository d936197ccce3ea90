"""Mine sider → Skoler og praktik: the dashboard for school coordinators and association admins."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from associations.queries import associations_administered_by
from schools import queries
from schools.access import schools_coordinated_by
from schools.models import Placement, PlacementState, ThemeWeek


@login_required
@require_safe
def my_schools(request):
    user = request.user
    schools = list(schools_coordinated_by(user))
    associations = list(associations_administered_by(user).order_by("name"))
    school_placements = []
    association_placements = []
    if schools:
        school_placements = list(
            queries.with_pupils(Placement.objects.filter(school__in=schools)).order_by(
                "-requested_at", "-pk"
            )[:50]
        )
    if associations:
        association_placements = list(
            queries.with_pupils(
                Placement.objects.filter(offer__association__in=associations)
            ).order_by("-requested_at", "-pk")[:50]
        )
    context = {
        "schools": schools,
        "associations": associations,
        "school_placements": school_placements,
        "association_placements": association_placements,
        "waiting": [p for p in association_placements if p.state == PlacementState.REQUESTED],
        "theme_weeks": list(
            ThemeWeek.objects.filter(school__in=schools)
            .select_related("school")
            .order_by("-starts_on", "-pk")[:20]
        )
        if schools
        else [],
        "offers": list(queries.offers_of_associations([a.pk for a in associations]))
        if associations
        else [],
        "open_theme_weeks": list(queries.open_theme_weeks()[:5]) if associations else [],
    }
    return render(request, "schools/mine.html", context)
