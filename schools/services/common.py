from django.conf import settings
from django.utils.translation import gettext_lazy as _

from associations import queries as association_queries
from core.email import queue_email
from core.services import ServiceError
from schools.models import School
from schools.rules import Actor


class SchoolError(ServiceError):
    """A change in schools that is not allowed; the message is shown to the person."""


def check_transition(table: dict, current: str, target: str, actors: set[Actor], labels) -> None:
    """Refuse a move that is not in `table`, or that none of `actors` may make."""
    allowed = table.get((current, target))
    if allowed is None:
        raise SchoolError(
            _("This cannot change from “%(current)s” to “%(target)s”.")
            % {"current": labels(current).label, "target": labels(target).label}
        )
    if not allowed & actors:
        raise SchoolError(_("You may not make this change."))


def mail_school(school: School, template: str, context: dict) -> None:
    """Email the school's coordinators, each in their language; else the school's office."""
    coordinators = [
        role.user
        for role in school.coordinator_roles.select_related("user").filter(user__is_active=True)
    ]
    for user in coordinators:
        queue_email(
            user.email,
            f"emails/schools/{template}",
            {"recipient": user, "school": school, **context},
            user.preferred_language or settings.LANGUAGE_CODE,
        )
    if not coordinators and school.email:
        queue_email(
            school.email,
            f"emails/schools/{template}",
            {"recipient": None, "school": school, **context},
            settings.LANGUAGE_CODE,
        )


def mail_association(association, template: str, context: dict) -> None:
    """Email the association's admins as they are now, each in their language; else the
    association's own address. (Never whoever happened to act for it once: they may have
    left the association since.)"""
    admins = list(association_queries.admins_of(association))
    for user in admins:
        mail_address(user.email, template, {"association": association, **context}, user=user)
    if not admins and association.email:
        mail_address(association.email, template, {"association": association, **context})


def mail_address(address: str, template: str, context: dict, user=None) -> None:
    if not address:
        return
    language = (user.preferred_language if user else "") or settings.LANGUAGE_CODE
    queue_email(address, f"emails/schools/{template}", {"recipient": user, **context}, language)
