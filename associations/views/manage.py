"""Mine sider → Mine foreninger: the person's associations and the admins' tools.

Every tool goes through `admin_required`: the association's own admins get in; everybody else
(staff included — they use the Wagtail admin) gets a 404. The board competence overview is
also open to the board's members.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from associations import queries, services
from associations.forms import (
    ActivityForm,
    AddPersonForm,
    AssociationForm,
    ChangeRoleForm,
    ConsentForm,
    DeclarationForm,
    NeedForm,
    StandForm,
    VenueForm,
)
from associations.models import (
    BOARD_ROLES,
    Activity,
    Association,
    AssociationInvitation,
    AssociationRole,
    BoardCompetenceNeed,
    Fair,
    FairStand,
    Venue,
)
from core.services import render_form, run_service


def _overview_url(association) -> str:
    return reverse("my_associations:overview", kwargs={"slug": association.slug})


def admin_required(view):
    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        association = get_object_or_404(Association, slug=slug)
        if not queries.is_association_admin(request.user, association):
            raise Http404
        return view(request, association, *args, **kwargs)

    return wrapper


@login_required
def index(request):
    memberships: dict[int, dict] = {}
    roles = (
        AssociationRole.objects.filter(user=request.user)
        .select_related("association")
        .order_by("association__name", "association_id", "pk")
    )
    for role in roles:
        # One box per association, with all the person's roles in it.
        membership = memberships.setdefault(
            role.association_id, {"association": role.association, "role": role, "roles": []}
        )
        membership["roles"].append(role)
        membership["is_board"] = any(r.is_board for r in membership["roles"])
    return render(
        request, "associations/mine/index.html", {"memberships": list(memberships.values())}
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = AssociationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        association = services.create_association(form.cleaned_data, by=request.user)
        messages.success(
            request,
            _("%(name)s is registered. You are its admin.") % {"name": association.name},
        )
        return redirect(_overview_url(association))
    return render_form(
        request,
        "associations/mine/association_form.html",
        {"form": form},
    )


@login_required
@require_POST
def set_consent(request, role_id):
    role = get_object_or_404(AssociationRole, pk=role_id, user=request.user)
    form = ConsentForm(request.POST)
    form.is_valid()
    consent = form.cleaned_data.get("consent", False)
    services.set_competence_consent(role, by=request.user, consent=consent)
    if consent:
        messages.success(request, _("The board can now see the topics of your completed courses."))
    else:
        messages.success(request, _("The board no longer sees your completed courses."))
    return redirect("my_associations:index")


@admin_required
def overview(request, association):
    today = timezone.localdate()
    declarations = list(association.child_record_declarations.select_related("declared_by"))
    declaration_form = DeclarationForm(declared_years={d.year for d in declarations})
    context = {
        "association": association,
        "declarations": declarations,
        "declared_this_year": any(d.year == today.year for d in declarations),
        "declaration_form": declaration_form if declaration_form.fields["year"].choices else None,
        "people_count": association.roles.count(),
        "venues": list(association.venues.order_by("name", "pk")),
        "activities": list(association.activities.select_related("venue").order_by("title", "pk")),
        "fairs": list(
            Fair.objects.filter(is_published=True, date__gte=today).order_by("date", "pk")
        ),
        "my_stands": {
            stand.fair_id: stand for stand in FairStand.objects.filter(association=association)
        },
        "year": today.year,
    }
    return render(request, "associations/mine/overview.html", context)


@admin_required
@require_http_methods(["GET", "POST"])
def edit(request, association):
    form = AssociationForm(request.POST or None, request.FILES or None, instance=association)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_association(association, form.cleaned_data, by=request.user)
        except services.AssociationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The association's details are saved."))
            return redirect(_overview_url(association))
    return render_form(
        request,
        "associations/mine/association_form.html",
        {"form": form, "association": association},
    )


def _added_message(result) -> str:
    if isinstance(result, AssociationInvitation):
        return _(
            "%(email)s has no profile on Frivilligløft yet. We have sent an invitation; "
            "the role is theirs when they accept it."
        ) % {"email": result.email}
    return _("%(name)s now has the role %(role)s.") % {
        "name": result.user.get_full_name(),
        "role": result.get_role_display().lower(),
    }


def people_of(association) -> list[dict]:
    """The association's people, each with all their roles (admins first)."""
    people: dict[int, dict] = {}
    roles = association.roles.select_related("user").order_by("user__full_name", "user_id", "pk")
    for role in roles:
        role.form = ChangeRoleForm(
            initial={"role": role.role, "is_admin": role.is_admin}, prefix=f"r{role.pk}"
        )
        person = people.setdefault(
            role.user_id, {"user": role.user, "roles": [], "is_admin": False}
        )
        person["roles"].append(role)
        person["is_admin"] = person["is_admin"] or role.is_admin
    return sorted(people.values(), key=lambda person: not person["is_admin"])


@admin_required
@require_http_methods(["GET", "POST"])
def people(request, association):
    form = AddPersonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = services.add_or_invite_person(
                    association,
                    form.cleaned_data["email"],
                    by=request.user,
                    role=form.cleaned_data["role"],
                    is_admin=form.cleaned_data["is_admin"],
                )
            except services.AssociationError as error:
                form.add_error("email", str(error))
            else:
                messages.success(request, _added_message(result))
                return redirect("my_associations:people", slug=association.slug)
        status = 400
    invitations = [
        invitation
        for invitation in association.invitations.select_related("invited_by").filter(
            accepted_at__isnull=True, revoked_at__isnull=True
        )
        if invitation.is_usable
    ]
    return render(
        request,
        "associations/mine/people.html",
        {
            "association": association,
            "people": people_of(association),
            "invitations": invitations,
            "form": form,
        },
        status=status,
    )


@admin_required
@require_POST
def revoke_invitation(request, association, invitation_id):
    invitation = get_object_or_404(AssociationInvitation, association=association, pk=invitation_id)
    run_service(
        request,
        services.revoke_invitation,
        invitation,
        by=request.user,
        success=_("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
    )
    return redirect("my_associations:people", slug=association.slug)


@admin_required
@require_POST
def change_role(request, association, role_id):
    role = get_object_or_404(AssociationRole, association=association, pk=role_id)
    form = ChangeRoleForm(request.POST, prefix=f"r{role.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    else:
        try:
            services.change_role(
                role,
                by=request.user,
                kind=form.cleaned_data["role"],
                is_admin=form.cleaned_data["is_admin"],
            )
        except services.AssociationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The role of %(name)s is saved.") % {"name": role.user.get_full_name()}
            )
    return redirect("my_associations:people", slug=association.slug)


@admin_required
@require_POST
def remove_person(request, association, role_id):
    role = get_object_or_404(
        AssociationRole.objects.select_related("user"), association=association, pk=role_id
    )
    removed, _result = run_service(
        request,
        services.remove_person,
        role,
        by=request.user,
        success=_("%(name)s no longer has the role %(role)s.")
        % {"name": role.user.get_full_name(), "role": role.get_role_display().lower()},
    )
    if removed and not queries.is_association_admin(request.user, association):
        return redirect("my_associations:index")
    return redirect("my_associations:people", slug=association.slug)


def _venue_or_activity_form(request, association, form, save, *, name, instance, template, success):
    """Create or change one of the association's venues or activities (`name`, `instance`:
    None for a new one) with `form` and the service `save`; back to the overview when saved."""
    if request.method == "POST" and form.is_valid():
        saved, _saved = run_service(
            request,
            save,
            association,
            form.cleaned_data,
            by=request.user,
            form=form,
            success=success,
            **{name: instance},
        )
        if saved:
            return redirect(_overview_url(association))
    return render_form(
        request, template, {"association": association, name: instance, "form": form}
    )


@admin_required
@require_http_methods(["GET", "POST"])
def venue_form(request, association, venue_id=None):
    venue = get_object_or_404(Venue, association=association, pk=venue_id) if venue_id else None
    return _venue_or_activity_form(
        request,
        association,
        VenueForm(request.POST or None, instance=venue),
        services.save_venue,
        name="venue",
        instance=venue,
        template="associations/mine/venue_form.html",
        success=_("The venue is saved."),
    )


@admin_required
@require_POST
def delete_venue(request, association, venue_id):
    venue = get_object_or_404(Venue, association=association, pk=venue_id)
    services.delete_venue(venue, by=request.user)
    messages.success(request, _("The venue %(name)s is deleted.") % {"name": venue.name})
    return redirect(_overview_url(association))


@admin_required
@require_http_methods(["GET", "POST"])
def activity_form(request, association, activity_id=None):
    activity = (
        get_object_or_404(Activity, association=association, pk=activity_id)
        if activity_id
        else None
    )
    return _venue_or_activity_form(
        request,
        association,
        ActivityForm(request.POST or None, instance=activity, association=association),
        services.save_activity,
        name="activity",
        instance=activity,
        template="associations/mine/activity_form.html",
        success=_("The activity is saved."),
    )


@admin_required
@require_POST
def delete_activity(request, association, activity_id):
    activity = get_object_or_404(Activity, association=association, pk=activity_id)
    services.delete_activity(activity, by=request.user)
    messages.success(request, _("The activity %(title)s is deleted.") % {"title": activity.title})
    return redirect(_overview_url(association))


@admin_required
@require_POST
def declare(request, association):
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, error[0])
        return redirect(_overview_url(association))
    run_service(
        request,
        services.declare_child_records,
        association,
        form.cleaned_data["year"],
        by=request.user,
        success=lambda declaration: (
            _("Thank you. The association's page now shows: child-record checks obtained %(year)s.")
            % {"year": declaration.year}
        ),
    )
    return redirect(_overview_url(association))


def _board_or_admin(request, slug) -> tuple[Association, bool]:
    association = get_object_or_404(Association, slug=slug)
    roles = list(AssociationRole.objects.filter(association=association, user=request.user))
    is_admin = any(role.is_admin for role in roles)
    if not (is_admin or any(role.role in BOARD_ROLES for role in roles)):
        raise Http404
    return association, is_admin


@login_required
@require_http_methods(["GET", "POST"])
def competences(request, slug):
    association, is_admin = _board_or_admin(request, slug)
    form = NeedForm(request.POST or None) if is_admin else None
    status = 200
    if request.method == "POST":
        if not is_admin:
            raise Http404
        if form.is_valid():
            services.add_competence_need(
                association,
                form.cleaned_data["topic"],
                form.cleaned_data["note"],
                by=request.user,
            )
            messages.success(request, _("The need is added."))
            return redirect("my_associations:competences", slug=association.slug)
        status = 400
    context = {
        "association": association,
        "is_admin": is_admin,
        "overview": queries.board_competence_overview(association),
        "form": form,
    }
    return render(request, "associations/mine/competences.html", context, status=status)


@admin_required
@require_POST
def remove_need(request, association, need_id):
    need = get_object_or_404(BoardCompetenceNeed, association=association, pk=need_id)
    services.remove_competence_need(need, by=request.user)
    messages.success(request, _("The need is removed."))
    return redirect("my_associations:competences", slug=association.slug)


@admin_required
@require_http_methods(["GET", "POST"])
def stand(request, association, fair_slug):
    fair = get_object_or_404(Fair, slug=fair_slug, is_published=True)
    existing = FairStand.objects.filter(fair=fair, association=association).first()
    form = StandForm(request.POST or None, instance=existing)
    if request.method == "POST":
        if "withdraw" in request.POST:
            # A repeated withdrawal (Back, then the button again) finds no stand: it says so
            # and never registers the stand anew from the form's fields.
            if existing is None:
                messages.info(
                    request,
                    _(
                        "Your association has no stand at this fair, "
                        "so there is nothing to withdraw."
                    ),
                )
            else:
                run_service(
                    request,
                    services.withdraw_stand,
                    existing,
                    by=request.user,
                    success=_("The stand is withdrawn."),
                )
            return redirect(_overview_url(association))
        if form.is_valid():
            registered, _stand = run_service(
                request,
                services.register_stand,
                fair,
                association,
                by=request.user,
                form=form,
                success=_("Your stand at %(fair)s is registered.") % {"fair": fair.title},
                offer=form.cleaned_data["offer"],
                volunteers_sought=form.cleaned_data["volunteers_sought"],
            )
            if registered:
                return redirect(fair.get_absolute_url())
    return render_form(
        request,
        "associations/mine/stand_form.html",
        {
            "association": association,
            "fair": fair,
            "stand": existing,
            "form": form,
            "registration_open": fair.registration_open(),
        },
    )
