from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_email_kind,
            register_mine_sider_link,
            register_personal_data,
        )
        from core.email import register_renderer
        from core.navigation import register_main_nav
        from core.outbox import email_sent
        from courses import personal_data
        from courses import search as courses_search
        from courses.services import notifications
        from courses.services.offers import offer_email_sent
        from courses.services.qualifications import QUALIFICATION_REMINDERS
        from courses.views.mine import dashboard_panel, qualifications_panel

        register_main_nav("courses", _("Courses"), "courses:catalogue", order=10)
        courses_search.register()
        register_mine_sider_link("courses:mine", _("My courses"), order=10)
        register_dashboard_panel("courses/includes/dashboard_panel.html", dashboard_panel, order=10)
        register_dashboard_panel(
            "courses/includes/qualifications_panel.html", qualifications_panel, order=11
        )
        register_personal_data("courses", export=personal_data.export, erase=personal_data.erase)
        # Emails a person may turn off; confirmations, offers and changes always go out.
        register_email_kind(
            notifications.REMINDERS, _("Reminders before a course starts"), order=10
        )
        register_email_kind(
            notifications.MESSAGES, _("Messages from the organisers of your courses"), order=11
        )
        register_email_kind(
            notifications.EVALUATIONS, _("Invitations to evaluate a course"), order=12
        )
        register_email_kind(
            notifications.WISHES, _("News about courses you have wished for"), order=13
        )
        register_email_kind(
            QUALIFICATION_REMINDERS, _("Reminders before a qualification runs out"), order=14
        )
        # Signup confirmations are rendered after the commit, outside the course's lock.
        register_renderer(notifications.RENDERER, notifications.render_participant_email)
        # A seat offer's hours count from when its email actually left.
        email_sent.connect(offer_email_sent, dispatch_uid="courses-offer-email-sent")
