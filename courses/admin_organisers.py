"""The "Organisers" field of the course admin: a search that finds staff and course providers'
contact people by name or address (never volunteers), showing each person's email and
organisation so two people with the same name can be told apart. Only the chosen organisers
and up to 20 search hits are ever rendered, so it works the same with 200,000 accounts."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from courses.admin_views import CourseAdminForm
from courses.queries.organisers import (
    MIN_SEARCH_LENGTH,
    organiser_candidates,
    organisers_by_pk,
    search_organiser_candidates,
)


class OrganiserChooser(forms.SelectMultiple):
    """Checkboxes for the chosen organisers and a search box that adds more (JS in the admin)."""

    template_name = "courses/admin/widgets/organiser_chooser.html"

    class Media:
        js = ["js/organiser-chooser.js"]

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.search_url = reverse_lazy("courses_organiser_search")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        pks = [str(pk) for pk in (value or []) if str(pk).isdigit() and len(str(pk)) < 19]
        context["widget"].update(
            {
                "chosen": organisers_by_pk(pks),
                "search_url": str(self.search_url),
                "min_length": MIN_SEARCH_LENGTH,
            }
        )
        return context

    def optgroups(self, name, value, attrs=None):
        # Never iterate the field's queryset: it is everybody who may organise.
        return []


class CourseOrganiserForm(CourseAdminForm):
    """The course admin form whose organisers are chosen by search among the candidates; the
    organisers a course already has stay valid even if they are no longer candidates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisers")
        if field is None:
            return
        who = Q(pk__in=organiser_candidates().values("pk"))
        if self.instance.pk:
            who |= Q(pk__in=self.instance.organisers.values("pk"))
        field.queryset = get_user_model().objects.filter(who)
        field.widget = OrganiserChooser()
        field.help_text = gettext_lazy(
            "Staff and course providers' contact people who may see the participants and run "
            "the course. Search by name or email."
        )
        field.error_messages["invalid_choice"] = gettext_lazy(
            "Only staff and course providers' contact people can be organisers."
        )


@require_safe
def organiser_search(request):
    """JSON for the organiser field: up to 20 candidates matching ?q=."""
    if not request.user.has_perm("courses.manage_courses"):
        raise PermissionDenied
    text = request.GET.get("q", "")[:200]
    results = [
        {
            "id": person.pk,
            "name": person.name,
            "email": person.email,
            "organisation": person.organisation or _("Municipal staff"),
        }
        for person in search_organiser_candidates(text)
    ]
    return JsonResponse({"results": results})
