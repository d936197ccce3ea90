"""Signups: who signed up for a course and how it went (waiting list, offers, ending), attendance
per meeting and the organisers' messages to participants.

Only `courses.services` changes signups (see docs/architecture.md); these models hold the data
and the invariants the database can enforce by itself.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField, done_by, linked_association_field
from courses.models.courses import Course, Meeting
from courses.models.invoicing import validate_cvr, validate_ean


class SignupStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    CANCELLED = "cancelled", _("Cancelled")
    DECLINED = "declined", _("Declined")


class SignupEndReason(models.TextChoices):
    """Why a signup stopped being active; kept so the history reads correctly."""

    CANCELLED_BY_PARTICIPANT = "participant", _("Cancelled by the participant")
    CANCELLED_BY_ORGANISER = "organiser", _("Cancelled by an organiser")
    LEFT_WAITING_LIST = "left_waiting_list", _("Left the waiting list")
    NOT_APPROVED = "not_approved", _("Not approved by an organiser")
    OFFER_DECLINED = "offer_declined", _("Offered seat declined")
    OFFER_EXPIRED = "offer_expired", _("Offered seat not accepted in time")


# A person holds at most one signup in these states per course.
ACTIVE_SIGNUP_STATUSES = (
    SignupStatus.PENDING,
    SignupStatus.CONFIRMED,
    SignupStatus.WAITLISTED,
    SignupStatus.OFFERED,
)
# These states hold a seat: a pending offer keeps its seat until it is accepted or expires.
SEAT_HOLDING_STATUSES = (SignupStatus.CONFIRMED, SignupStatus.OFFERED)


class Signup(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="signups"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="course_signups",
    )
    status = models.CharField(_("status"), max_length=16, choices=SignupStatus.choices)
    # Position on the waiting list: a per-course counter handed out under the course lock,
    # so positions are unique and first come, first served.
    queue_number = models.PositiveIntegerField(_("waiting list number"), null=True, blank=True)
    association = SingleLineField(
        _("association"),
        max_length=150,
        blank=True,
        help_text=_("The association you volunteer in, if any."),
    )
    linked_association_id = linked_association_field()
    needs = models.TextField(
        _("needs"),
        blank=True,
        max_length=1000,
        help_text=_("Accessibility, diet or anything else the organisers should know."),
    )
    invoice_association = SingleLineField(
        _("association to invoice"),
        max_length=150,
        blank=True,
        help_text=_("The association's name as it should be on the invoice."),
    )
    invoice_ean = models.CharField(
        _("EAN number"),
        max_length=13,
        blank=True,
        validators=[validate_ean],
        help_text=_("13 digits. Only if the association receives electronic invoices."),
    )
    invoice_cvr = models.CharField(
        _("CVR number"), max_length=8, blank=True, validators=[validate_cvr]
    )
    invoice_reference = SingleLineField(
        _("reference on the invoice"),
        max_length=100,
        blank=True,
        help_text=_("Optional: an order number or the person the invoice is for."),
    )
    show_name_to_participants = models.BooleanField(
        _("show my name on the participant list"),
        default=False,
        help_text=_("Other participants may see your name. You can change this at any time."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("put on the waiting list"), null=True, blank=True)
    offered_at = models.DateTimeField(_("seat offered"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = done_by(_("cancelled by"))
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason"), max_length=24, choices=SignupEndReason.choices, blank=True
    )
    # SHA-256 of the check-in code on the participant's QR code (courses.services.checkin):
    # a scanned link finds its signup by it; the code itself is never stored.
    checkin_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("signup")
        verbose_name_plural = _("signups")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["course", "status"], name="courses_signup_course_status"),
            models.Index(fields=["user", "status"], name="courses_signup_user_status"),
            # expire_offers runs every minute and looks for offers past their expiry.
            models.Index(fields=["status", "offer_expires_at"], name="courses_signup_offer_expiry"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"],
                condition=Q(status__in=ACTIVE_SIGNUP_STATUSES),
                name="courses_one_active_signup_per_user",
            ),
            models.UniqueConstraint(
                fields=["course", "queue_number"],
                condition=Q(queue_number__isnull=False),
                name="courses_unique_queue_number",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.course} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_SIGNUP_STATUSES


class Attendance(models.Model):
    """Whether a participant was present at one meeting."""

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="attendance")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    marked_by = done_by(_("marked by"))
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "meeting"], name="courses_one_attendance_mark"
            ),
        ]

    def __str__(self):
        return f"{self.signup.user} @ {self.meeting}: {self.present}"


class MessageRecipients(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed participants")
    CONFIRMED_AND_WAITING = "confirmed_waiting", _("Confirmed participants and the waiting list")


class CourseMessage(models.Model):
    """An email an organiser sent to a course's participants, kept so organisers see what
    was sent and when."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="messages"
    )
    subject = SingleLineField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    recipients = models.CharField(
        _("recipients"),
        max_length=24,
        choices=MessageRecipients.choices,
        default=MessageRecipients.CONFIRMED,
    )
    recipient_count = models.PositiveIntegerField(_("number of recipients"), default=0)
    sent_by = done_by(_("sent by"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject
