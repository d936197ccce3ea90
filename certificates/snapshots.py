"""What a certificate prints, kept on it as a snapshot: the course or the person's completed
courses, networks and qualifications, and the signer from the site settings, in the
certificate's language. Read-only; certificates.services stores what these return."""

from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from certificates.models import CertificateSettings
from certificates.queries import completed_signups_of
from courses import queries as course_queries
from courses.models import Course, Signup
from networks.queries import active_memberships


def _signer_settings() -> CertificateSettings:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CertificateSettings()
    return CertificateSettings.for_site(site)


def issuer_fields() -> dict:
    signer = _signer_settings()
    return {
        "issuer": signer.issuer_name,
        # Who signs; "issuer" is the hosting association on an internship certificate.
        "signer_body": signer.issuer_name,
        "issuer_unit": signer.issuer_unit,
        "signer_name": signer.signer_name,
        "signer_title": signer.signer_title,
        "signature_image_id": signer.signature_id,
        "logo_image_id": signer.logo_id,
    }


def _hours(meetings) -> float:
    seconds = sum((m.ends_at - m.starts_at).total_seconds() for m in meetings)
    return round(seconds / 1800) / 2  # to the half hour


def _local_date(value) -> str | None:
    return timezone.localdate(value).isoformat() if value else None


def _course_entry(course: Course, held_meetings) -> dict:
    """What a certificate prints about one course, in the active language."""
    return {
        "title": course.title,
        "provider": course.provider.name if course.provider else "",
        "instructors": course.instructors,
        "start": _local_date(course.starts_at),
        "end": _local_date(course.ends_at),
        "hours": _hours(held_meetings),
        "meetings": len(held_meetings),
        "topics": [topic.display_name for topic in course.topics.all()],
        "price": f"{Decimal(course.price):.2f}",
        "summary": course.summary,
    }


def course_snapshot(signup: Signup, language: str) -> dict:
    course = signup.course
    held = list(course.meetings.filter(cancelled_at__isnull=True).order_by("starts_at"))
    attended = signup.attendance.filter(present=True, meeting__cancelled_at__isnull=True).count()
    with translation.override(language):
        return {
            "holder_name": signup.user.get_full_name(),
            **_course_entry(course, held),
            "attended": attended,
            **issuer_fields(),
        }


def _qualification_entries(user) -> list[dict]:
    """The person's qualifications as printed: each with its end date and whether it was
    still valid on the day the transcript was made (expired ones stay listed)."""
    today = timezone.localdate()
    return [
        {
            "name": qualification.kind.display_name,
            "course": qualification.course.title,
            "obtained": qualification.obtained_on.isoformat(),
            "valid_until": _iso(qualification.valid_until),
            "valid": qualification.is_valid(today),
        }
        for qualification in course_queries.qualifications_of(user)
    ]


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def transcript_snapshot(user, language: str) -> dict:
    signups = completed_signups_of(user)
    with translation.override(language):
        courses = [_course_entry(s.course, s.course.held_meetings) for s in signups]
        networks = [
            {"name": m.network.name, "since": _local_date(m.joined_at)}
            for m in active_memberships(user)
        ]
        return {
            "holder_name": user.get_full_name(),
            "title": _("Competence transcript"),
            "courses": courses,
            "networks": networks,
            "qualifications": _qualification_entries(user),
            "hours": sum(entry["hours"] for entry in courses),
            "start": courses[0]["start"] if courses else None,
            "end": courses[-1]["end"] if courses else None,
            **issuer_fields(),
        }
