"""The course administrator's panel on the admin's home page."""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from accounts.roles import Role
from core.admin_dashboard import DashboardItem, DashboardPanel
from core.models import EmailStatus
from courses.models import CourseWish, WishStatus
from courses.queries import dashboard


class CourseAdministratorPanel(DashboardPanel):
    """Course administrators: the next courses, and the work waiting on signups and emails."""

    name = "course_administrator"
    heading = _("Courses")
    groups = (Role.COURSE_ADMINISTRATOR,)
    table_template = "courses/admin/dashboard_next_courses.html"
    order = 100

    def get_items(self, request):
        work = dashboard.signup_work()
        failed = dashboard.failed_course_emails()
        courses_url = reverse("wagtailsnippets_courses_course:list")

        def organiser_rows(groups, detail):
            return [
                (
                    group["course__title"],
                    reverse("courses:organiser", args=[group["course__slug"]]),
                    detail(group["n"]),
                )
                for group in groups
            ]

        def only_or(rows, fallback):
            return rows[0][1] if len(rows) == 1 else fallback

        pending = organiser_rows(
            work.pending_by_course,
            lambda n: ngettext("%(n)d signup", "%(n)d signups", n) % {"n": n},
        )
        expiring = organiser_rows(
            work.expiring_by_course,
            lambda n: ngettext("%(n)d offer", "%(n)d offers", n) % {"n": n},
        )
        failed_url = (
            reverse("outgoing_emails:index")
            + "?"
            + urlencode({"status": EmailStatus.FAILED, "q": dashboard.COURSE_EMAIL_PREFIX})
        )
        return [
            DashboardItem(
                _("Signups awaiting approval"),
                work.pending_total,
                only_or(pending, courses_url),
                rows=pending,
            ),
            DashboardItem(
                _("Seat offers expiring within 24 hours"),
                work.expiring_total,
                only_or(expiring, courses_url),
                rows=expiring,
            ),
            DashboardItem(
                _("Emails about courses that could not be sent"),
                failed.count(),
                failed_url,
                rows=[
                    (
                        email.subject,
                        reverse("outgoing_emails:inspect", args=[email.pk]),
                        date_format(timezone.localtime(email.created_at), "SHORT_DATETIME_FORMAT"),
                    )
                    for email in failed[: dashboard.ROWS]
                ],
            ),
            DashboardItem(
                _("Course wishes and demand"),
                CourseWish.objects.filter(status=WishStatus.OPEN).count(),
                reverse("courses_demand"),
                link_text=_("See the demand"),
                attention=False,
            ),
        ]

    def get_extra_context(self, request):
        try:
            # The report lives in insights, which nothing imports: found by its URL name.
            report_url = reverse("insights_impact_report")
        except NoReverseMatch:
            report_url = ""
        return {"next_courses": dashboard.next_courses(), "impact_report_url": report_url}


@hooks.register("construct_homepage_panels")
def add_course_administrator_panel(request, panels):
    panels.append(CourseAdministratorPanel())
