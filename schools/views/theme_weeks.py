"""Theme weeks: the list, a theme week's programme with its calendar feed, posting one,
offering contributions and deciding on them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from associations.queries import associations_administered_by
from core.calendar_http import calendar_response
from core.permissions import permission_required_or_404
from core.services import render_form, run_service
from schools import queries, services
from schools.forms import ContributionForm, ThemeWeekForm
from schools.ics import theme_week_calendar
from schools.models import (
    ContributionStatus,
    ThemeWeek,
    ThemeWeekContribution,
    ThemeWeekStatus,
)
from schools.rules import Actor, schools_coordinated_by, theme_week_actors
from schools.views.common import change_status, theme_week_of


@require_safe
def theme_week_list(request):
    context = {
        "theme_weeks": list(queries.open_theme_weeks()),
        "can_post": schools_coordinated_by(request.user).exists(),
    }
    return render(request, "schools/theme_week_list.html", context)


@require_safe
def theme_week_detail(request, pk):
    """The public programme; the school's coordinators also see and decide on offers, and an
    association's admins see their own offers."""
    theme_week = theme_week_of(request, pk)
    actors = theme_week_actors(request.user, theme_week)
    my_associations = list(associations_administered_by(request.user))
    others = ThemeWeekContribution.objects.none()
    if actors:
        others = theme_week.contributions.exclude(status=ContributionStatus.ACCEPTED)
    elif my_associations:
        others = theme_week.contributions.exclude(status=ContributionStatus.ACCEPTED).filter(
            association__in=my_associations
        )
    mine = {a.pk for a in my_associations}
    programme = list(queries.programme(theme_week))
    for contribution in programme:
        contribution.is_mine = contribution.association_id in mine
    context = {
        "theme_week": theme_week,
        "programme": programme,
        "others": list(others.select_related("association").order_by("starts_at", "pk")),
        "is_school": Actor.SCHOOL in actors or Actor.STAFF in actors,
        "my_association_ids": mine,
        "can_offer": bool(my_associations) and theme_week.status == ThemeWeekStatus.OPEN,
        "ThemeWeekStatus": ThemeWeekStatus,
    }
    return render(request, "schools/theme_week.html", context)


def _feed_state(pk) -> dict:
    theme_week = get_object_or_404(ThemeWeek.objects.select_related("school"), pk=pk)
    latest = theme_week.contributions.aggregate(changed=Max("updated_at"), count=Count("pk"))
    return {"theme_week": theme_week, **latest}


@require_safe
def theme_week_feed(request, pk):
    """The programme as an iCalendar feed, answering conditional requests like every other
    feed (core.calendar_http: ETag from the bytes, Last-Modified, Cache-Control on the 304)."""
    state = _feed_state(pk)
    theme_week = state["theme_week"]
    body = theme_week_calendar(theme_week, queries.programme(theme_week))
    # The newest change to the week or to any contribution, accepted or not: one that leaves
    # the programme (declined, withdrawn) moves the date too.
    changed = max(moment for moment in (theme_week.updated_at, state["changed"]) if moment)
    return calendar_response(
        request,
        body,
        last_modified=changed,
        filename=f"temauge-{theme_week.pk}.ics",
        cache_control="public, max-age=900",
    )


@permission_required_or_404("schools.post_theme_week")
@require_http_methods(["GET", "POST"])
def post_theme_week(request):
    schools = schools_coordinated_by(request.user)
    form = ThemeWeekForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        school = data.pop("school")
        posted, theme_week = run_service(
            request,
            services.post_theme_week,
            school,
            by=request.user,
            form=form,
            success=_("The theme week is posted. Associations can now offer contributions."),
            **data,
        )
        if posted:
            return redirect(theme_week)
    return render_form(request, "schools/theme_week_form.html", {"form": form})


@permission_required_or_404("schools.run_theme_week", theme_week_of)
@require_POST
def change_theme_week_status(request, theme_week):
    if request.POST.get("status") == ThemeWeekStatus.CANCELLED and not request.POST.get("confirm"):
        # Cancelling cannot be undone and emails the associations: ask once more.
        return render(request, "schools/theme_week_cancel.html", {"theme_week": theme_week})
    return change_status(
        request,
        theme_week,
        services.change_theme_week_status,
        ThemeWeekStatus.values,
        invalid=_("Choose what to do with the theme week."),
        changed=_("The theme week is now: %(status)s."),
    )


@permission_required_or_404("schools.offer_contribution")
@require_http_methods(["GET", "POST"])
def offer_contribution(request, pk):
    theme_week = theme_week_of(request, pk)
    associations = associations_administered_by(request.user)
    form = ContributionForm(request.POST or None, associations=associations, theme_week=theme_week)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        offered, _contribution = run_service(
            request,
            services.offer_contribution,
            theme_week,
            data["association"],
            by=request.user,
            form=form,
            success=_("Your offer is sent to the school."),
            kind=data["kind"],
            title=data["title"],
            description=data["description"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            place=data["place"],
            capacity=data["capacity"],
        )
        if offered:
            return redirect(theme_week)
    context = {"theme_week": theme_week, "form": form}
    return render_form(request, "schools/contribution_form.html", context)


CONTRIBUTION_ACTIONS = {
    "accept": (services.accept_contribution, gettext_lazy("The contribution is on the programme.")),
    "decline": (services.decline_contribution, gettext_lazy("The contribution is declined.")),
    "withdraw": (services.withdraw_contribution, gettext_lazy("The contribution is withdrawn.")),
}


@login_required
@require_POST
def contribution_action(request, pk, action):
    contribution = get_object_or_404(
        ThemeWeekContribution.objects.select_related("theme_week__school", "association"), pk=pk
    )
    if action not in CONTRIBUTION_ACTIONS or not request.user.has_perm(
        "schools.act_on_contribution", contribution
    ):
        raise Http404
    change, _message = CONTRIBUTION_ACTIONS[action]
    try:
        change(contribution, by=request.user)
    except services.SchoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _message)
    return redirect(contribution.theme_week)
