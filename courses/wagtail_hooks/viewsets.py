"""The "Courses" menu: courses (with inline meetings and signup questions), topics,
qualifications, providers and course wishes, as snippet viewsets in one group.

Staff edit every field of a course and its meetings here, but capacity and cancellation
still go through courses.services (see admin_views.CourseCreateView/CourseEditView), so raising
the number of seats promotes the waiting list and cancelling emails everybody. Answering a
course wish goes through the services too (admin_views.CourseWishEditView).
"""

from datetime import UTC, datetime

import django_filters
from django import forms
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.admin_viewsets import SafeViewSetMixin
from courses import admin_views
from courses.admin_organisers import CourseOrganiserForm
from courses.models import (
    SEAT_HOLDING_STATUSES,
    Course,
    CourseFormat,
    CourseStatus,
    CourseWish,
    Meeting,
    Provider,
    QualificationKind,
    SignupStatus,
    WishStatus,
)
from taxonomy.models import Topic
from taxonomy.wagtail_hooks import TopicViewSet


class CourseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CourseStatus.choices)
    topics = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Topic.objects.all())
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=Provider.objects.all()
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=CourseFormat.choices)
    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Starts"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Course
        fields = ["status", "topics", "provider", "format", "starts_at"]


def _seats(course) -> str:
    taken = course.admin_seats_taken
    if course.capacity is None:
        return str(taken)
    return f"{taken} / {course.capacity}" + (
        f" (+{course.admin_waiting})" if course.admin_waiting else ""
    )


def _next_meeting(course) -> str:
    if course.admin_next_meeting is None:
        return "–"
    return date_format(timezone.localtime(course.admin_next_meeting), "SHORT_DATETIME_FORMAT")


class OrganiserToolsColumn(Column):
    """A link from the admin's course list to the course's own organiser pages."""

    cell_template_name = "courses/admin/organiser_tools_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("courses:organiser", args=[instance.slug])
        context["course_title"] = instance.title
        return context


# Courses without a coming meeting sort after every course that has one.
_NO_NEXT_MEETING = datetime(9999, 1, 1, tzinfo=UTC)


class CourseViewSet(SafeViewSetMixin, SnippetViewSet):
    model = Course
    icon = "date"
    menu_label = _("Courses")
    add_view_class = admin_views.CourseCreateView
    edit_view_class = admin_views.CourseEditView
    delete_view_class = admin_views.CourseDeleteView
    filterset_class = CourseFilterSet
    list_display = [
        "title",
        Column(
            "next_meeting",
            label=_("Next meeting"),
            accessor=_next_meeting,
            sort_key="admin_next_sort",
        ),
        Column("starts_at", label=_("Starts"), sort_key="starts_at"),
        "status",
        Column("seats", label=_("Seats (waiting)"), accessor=_seats),
        "provider",
        OrganiserToolsColumn("organiser_tools", label=_("Organiser tools")),
    ]
    list_export = ["title", "starts_at", "ends_at", "status", "capacity", "provider"]
    # The course that meets next comes first: what the course administrator works on today.
    ordering = "admin_next_sort"
    search_fields = ["title", "summary", "instructors"]
    search_backend_name = None

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel([FieldPanel("audience"), FieldPanel("language")]),
                    FieldPanel("provider"),
                    FieldPanel("instructors"),
                    FieldPanel("image"),
                ],
                heading=_("Course"),
            ),
            ObjectList(
                [
                    FieldPanel("format"),
                    MultiFieldPanel(
                        [FieldPanel("venue_name"), FieldPanel("venue_address")],
                        heading=_("Place"),
                    ),
                    FieldPanel("online_link"),
                    InlinePanel("meetings", heading=_("Meetings"), label=_("Meeting"), min_num=0),
                ],
                heading=_("Time and place"),
            ),
            ObjectList(
                [
                    FieldPanel("status"),
                    FieldPanel("cancellation_reason"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("min_participants")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("price"),
                            FieldPanel("payment_method"),
                            FieldPanel("payment_note"),
                        ],
                        heading=_("Price and payment"),
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("signup_opens_at"),
                            FieldPanel("signup_deadline"),
                            FieldPanel("cancellation_deadline"),
                        ]
                    ),
                    FieldPanel("requires_approval"),
                    InlinePanel(
                        "questions",
                        heading=_("Signup questions"),
                        label=_("Question"),
                        min_num=0,
                        help_text=_(
                            "Your own questions on the signup form, e.g. diet or which club "
                            "someone trains. The answers are personal data: they are shown to "
                            "the organisers and erased when the signup or the course ends."
                        ),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("waiting_list_enabled"),
                            FieldPanel("waiting_list_mode"),
                            FieldPanel("offer_hours"),
                        ],
                        heading=_("Waiting list"),
                    ),
                ],
                heading=_("Signup"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                    FieldPanel("organisers"),
                    FieldPanel("issues_certificate"),
                    FieldPanel("qualification"),
                    FieldPanel("min_attendance_percent"),
                    FieldPanel("show_evaluation_average"),
                ],
                heading=_("Organisers and certificate"),
            ),
        ],
        base_form_class=CourseOrganiserForm,
    )

    def get_queryset(self, request):
        next_meeting = (
            Meeting.objects.filter(course=OuterRef("pk"), starts_at__gte=timezone.now())
            .order_by("starts_at")
            .values("starts_at")[:1]
        )
        return Course.objects.select_related("provider").annotate(
            admin_seats_taken=Count("signups", filter=Q(signups__status__in=SEAT_HOLDING_STATUSES)),
            admin_waiting=Count("signups", filter=Q(signups__status=SignupStatus.WAITLISTED)),
            admin_next_meeting=Subquery(next_meeting),
            admin_next_sort=Coalesce(Subquery(next_meeting), Value(_NO_NEXT_MEETING)),
        )


class QualificationKindViewSet(SafeViewSetMixin, SnippetViewSet):
    model = QualificationKind
    icon = "success"
    menu_label = _("Qualifications")
    copy_view_enabled = True
    list_display = ["name", "name_en", "validity_months"]
    search_fields = ["name", "name_en"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldPanel("validity_months"),
        FieldPanel("description"),
    ]


class ProviderViewSet(SafeViewSetMixin, SnippetViewSet):
    model = Provider
    icon = "site"
    menu_label = _("Providers")
    copy_view_enabled = True
    list_display = ["name", "contact_name", "contact_email", "website"]
    search_fields = ["name", "contact_name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("contact_phone"),
    ]


# --- Course wishes ---------------------------------------------------------------------------


class CourseWishFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=WishStatus.choices)
    topic = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Topic.objects.all())

    class Meta:
        model = CourseWish
        fields = ["status", "topic"]


class CourseWishViewSet(SafeViewSetMixin, SnippetViewSet):
    model = CourseWish
    icon = "pick"
    menu_label = _("Course wishes")
    add_view_enabled = False
    edit_view_class = admin_views.CourseWishEditView
    filterset_class = CourseWishFilterSet
    list_display = [
        "title",
        "topic",
        Column("support_count", label=_("Supporters"), sort_key="support_count"),
        "status",
        "planned_course",
        "created_at",
    ]
    ordering = ["-support_count", "-created_at"]
    search_fields = ["title", "description", "association"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("planned_course"),
                    FieldPanel("response"),
                ],
                heading=_("Answer"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("topic", read_only=True),
                    FieldPanel("title", read_only=True),
                    FieldPanel("description", read_only=True),
                    FieldPanel("expected_participants", read_only=True),
                    FieldPanel("time_of_day", read_only=True),
                    FieldPanel("format", read_only=True),
                    FieldPanel("association", read_only=True),
                ],
                heading=_("The wish"),
            ),
        ],
        base_form_class=admin_views.CourseWishAdminForm,
    )

    def get_queryset(self, request):
        return CourseWish.objects.select_related("topic", "planned_course").annotate(
            support_count=Count("supports", distinct=True)
        )


class CoursesGroup(SnippetViewSetGroup):
    items = (
        CourseViewSet,
        TopicViewSet,
        QualificationKindViewSet,
        ProviderViewSet,
        CourseWishViewSet,
    )
    menu_icon = "date"
    menu_label = _("Courses")
    menu_name = "courses"
    menu_order = 200


register_snippet(CoursesGroup)
