"""Read queries for certificates, and what they read from courses and networks."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from certificates.models import Certificate, CertificateBatch
from courses import queries as course_queries
from courses.models import Meeting, Signup, SignupStatus
from schools import queries as school_queries
from taxonomy.models import Topic


def completed_signups_of(user) -> list[Signup]:
    """The person's signups of ended courses whose attendance met the course's minimum
    (the same rule as courses.queries.completed_signups), oldest course first; one query
    plus one for topics."""
    signups = (
        Signup.objects.filter(
            user=user, status=SignupStatus.CONFIRMED, course__ends_at__lt=timezone.now()
        )
        .select_related("course__provider")
        .prefetch_related(
            Prefetch("course__topics", queryset=Topic.objects.order_by("name")),
            Prefetch(
                "course__meetings",
                queryset=Meeting.objects.filter(cancelled_at__isnull=True).order_by("starts_at"),
                to_attr="held_meetings",
            ),
        )
        .annotate(**course_queries.attendance_counts())
        .order_by("course__starts_at", "pk")
    )
    return [
        signup
        for signup in signups
        if signup.meetings_held
        and signup.attended
        >= course_queries.required_attendance(signup.course, signup.meetings_held)
    ]


def certificates_of(user) -> QuerySet[Certificate]:
    """Everything a person may download from Mine beviser: their own certificates and the
    internship certificates of the placements they are a party to now (coordinator of the
    school, admin of the association). Worked out from current roles at every request: a
    coordinator who leaves the school loses the pupils' certificates at once."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(
        Q(holder=user) | Q(source_placement__in=school_queries.placements_visible_to(user))
    ).order_by("-issued_at", "-pk")


def held_certificates(user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(holder=user).order_by("-issued_at", "-pk")


def course_certificates(course) -> QuerySet[Certificate]:
    return Certificate.objects.filter(source_signup__course=course).order_by("holder_name", "pk")


def latest_batch(course) -> CertificateBatch | None:
    return CertificateBatch.objects.filter(course=course).first()
