"""Mine sider → Skoler og praktik: the dashboard for school coordinators and association admins."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from associations.queries import associations_administered_by
from schools import queries
from schools.models import Placement, PlacementState, ThemeWeek
from schools.rules import schools_coordinated_by

PLACEMENTS_PER_PAGE = 20


@login_required
@require_safe
def my_schools(request):
    user = request.user
    schools = list(schools_coordinated_by(user))
    associations = list(associations_administered_by(user).order_by("name"))
    school_placements = association_placements = None
    waiting = 0
    if schools:
        school_placements = Paginator(
            queries.with_pupils(Placement.objects.filter(school__in=schools)).order_by(
                "-requested_at", "-pk"
            ),
            PLACEMENTS_PER_PAGE,
        ).get_page(request.GET.get("skoleside"))
    if associations:
        mine = Placement.objects.filter(offer__association__in=associations)
        association_placements = Paginator(
            queries.with_pupils(mine).order_by("-requested_at", "-pk"), PLACEMENTS_PER_PAGE
        ).get_page(request.GET.get("foreningsside"))
        # Counted over all of them, not just the page on screen.
        waiting = mine.filter(state=PlacementState.REQUESTED).count()
    context = {
        "schools": schools,
        "associations": associations,
        "school_placements": school_placements,
        "association_placements": association_placements,
        "waiting": waiting,
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
