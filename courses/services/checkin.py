"""Check-in at the door: each confirmed participant's QR code opens a page where an organiser
of the course marks them present at today's meeting with one button.

The code must be shown again and again (the confirmation email, the course page, Mine sider),
so it is not a random token kept in clear: it is an HMAC of the signup under the site's
secret key (256 bits, URL-safe), and the database holds only its SHA-256 hash
(core.tokens.hash_token), by which a scanned link finds its signup. A leaked database gives
no working link; a new SECRET_KEY gives every signup a new code (the pages show it, and the
stored hash follows the first time one is shown).
"""

import base64
import io
from datetime import datetime

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.email import Attachment
from core.site import absolute_url
from core.tokens import hash_token
from courses.models import Attendance, Meeting, Signup, SignupStatus
from courses.services.base import (
    CourseError,
    lock_for_organiser,
    log_signup_change,
)

_PURPOSE = "courses.checkin"


def checkin_token(signup: Signup) -> str:
    """The signup's check-in code: 43 URL-safe characters, the same every time it is shown."""
    digest = salted_hmac(_PURPOSE, f"signup:{signup.pk}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def checkin_url(signup: Signup) -> str:
    """The absolute check-in link for the QR code. Stores the code's hash on the signup the
    first time (one UPDATE; later calls write nothing)."""
    token = checkin_token(signup)
    digest = hash_token(token)
    if signup.checkin_token_hash != digest:
        Signup.objects.filter(pk=signup.pk).update(checkin_token_hash=digest)
        signup.checkin_token_hash = digest
    return absolute_url(reverse("courses:checkin", args=[token]))


def signup_by_checkin_token(token: str) -> Signup | None:
    """The signup whose code is `token`, found by the code's hash; None for anything else."""
    if not token or len(token) > 100:
        return None
    return (
        Signup.objects.select_related("course", "user")
        .filter(checkin_token_hash=hash_token(token))
        .first()
    )


def meetings_on_day(course, now: datetime | None = None) -> list[Meeting]:
    """The course's meetings that take place today (Copenhagen time), not cancelled."""
    today = timezone.localtime(now or timezone.now()).date()
    return [
        meeting
        for meeting in Meeting.objects.filter(course=course, cancelled_at__isnull=True).order_by(
            "starts_at", "pk"
        )
        if timezone.localtime(meeting.starts_at).date() == today
    ]


def check_in(signup: Signup, meeting: Meeting, *, by, now: datetime | None = None) -> bool:
    """Mark a confirmed participant present at `meeting`, on the day of the meeting.

    Idempotent: checking someone in twice keeps the first mark (and its time) and returns
    False; a first check-in, or one that turns an "absent" mark into "present", returns True.
    """
    now = now or timezone.now()
    with transaction.atomic():
        course, signup = lock_for_organiser(
            signup, by, _("Only the course's organisers can check participants in.")
        )
        meeting = Meeting.objects.filter(pk=meeting.pk, course=course).first()
        if meeting is None:
            raise CourseError(_("This meeting is not part of the course."))
        if meeting.cancelled_at is not None:
            raise CourseError(_("This meeting was cancelled."))
        if timezone.localtime(meeting.starts_at).date() != timezone.localtime(now).date():
            raise CourseError(_("Check-in is open on the day of the meeting only."))
        if signup.status != SignupStatus.CONFIRMED:
            raise CourseError(
                _("%(name)s is not a confirmed participant (%(status)s).")
                % {"name": signup.user.get_full_name(), "status": signup.get_status_display()}
            )
        mark = Attendance.objects.filter(signup=signup, meeting=meeting).first()
        if mark is not None and mark.present:
            return False
        if mark is None:
            Attendance.objects.create(
                signup=signup, meeting=meeting, present=True, marked_by=by, marked_at=now
            )
        else:
            mark.present, mark.marked_by, mark.marked_at = True, by, now
            mark.save(update_fields=["present", "marked_by", "marked_at"])
        # On the course's history, as every other change to a signup: ids only.
        log_signup_change("checked_in", course, signup, by=by, meeting=meeting.pk)
    return True


def checkin_attachment(signup: Signup) -> Attachment:
    """The QR code as a PNG file for the confirmation email (mail programs show attached
    images everywhere, where inline SVG or data: images are often blocked)."""
    buffer = io.BytesIO()
    segno.make(checkin_url(signup), error="m").save(buffer, kind="png", scale=8, border=4)
    with translation.override(signup.user.preferred_language or settings.LANGUAGE_CODE):
        filename = _("check-in-code") + ".png"
    return Attachment(filename=str(filename), content=buffer.getvalue(), mimetype="image/png")
