"""Course wishes: volunteers and association boards propose a course, others support it with
one click, and staff plan a course for it. When the planned course opens for signup, everyone
who supported the wish is told (courses.services.wishes).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField
from courses.models.courses import Course
from taxonomy.models import Topic

# A person may have this many open wishes of their own at a time.
MAX_OPEN_WISHES_PER_PERSON = 5


class WishStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PLANNED = "planned", _("A course is planned")
    CLOSED = "closed", _("Closed")


# Wishes the public list shows; closed ones (answered otherwise, duplicates) are left out.
PUBLIC_WISH_STATUSES = (WishStatus.OPEN, WishStatus.PLANNED)


class TimeOfDay(models.TextChoices):
    ANY = "any", _("No preference")
    DAYTIME = "daytime", _("Weekdays, daytime")
    EVENING = "evening", _("Weekday evenings")
    WEEKEND = "weekend", _("Weekends")


class WishFormat(models.TextChoices):
    ANY = "any", _("No preference")
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class CourseWish(models.Model):
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="wishes"
    )
    title = SingleLineField(
        _("what would you like to learn?"),
        max_length=120,
        help_text=_("A short title, e.g. “Budgets for small associations”."),
    )
    description = models.TextField(
        _("tell us a little more"),
        max_length=1000,
        blank=True,
        help_text=_("What should the course cover, and who is it for?"),
    )
    expected_participants = models.PositiveSmallIntegerField(
        _("how many would come?"),
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_(
            "Count yourself and the people you know who would come, e.g. from your association."
        ),
    )
    time_of_day = models.CharField(
        _("preferred time"), max_length=16, choices=TimeOfDay.choices, default=TimeOfDay.ANY
    )
    format = models.CharField(
        _("preferred format"), max_length=16, choices=WishFormat.choices, default=WishFormat.ANY
    )
    association = SingleLineField(
        _("on behalf of an association or board"),
        max_length=150,
        blank=True,
        help_text=_("Shown with the wish. Your name is never shown."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_wishes",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=WishStatus.choices, default=WishStatus.OPEN
    )
    planned_course = models.ForeignKey(
        Course,
        verbose_name=_("planned course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wishes",
    )
    response = models.TextField(
        _("answer from the municipality"),
        max_length=1000,
        blank=True,
        help_text=_("Shown with the wish on the public list."),
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    planned_at = models.DateTimeField(_("planned"), null=True, blank=True)
    # When the supporters were told that the planned course is open for signup.
    announced_at = models.DateTimeField(_("supporters told"), null=True, blank=True)

    class Meta:
        verbose_name = _("course wish")
        verbose_name_plural = _("course wishes")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "topic"], name="courses_wish_status_topic")]

    def __str__(self):
        return self.title


class WishSupport(models.Model):
    """One person supports one wish (the proposer supports their own)."""

    wish = models.ForeignKey(
        CourseWish, verbose_name=_("course wish"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="course_wish_supports",
    )
    created_at = models.DateTimeField(_("supported"), auto_now_add=True)

    class Meta:
        verbose_name = _("support for a course wish")
        verbose_name_plural = _("support for course wishes")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["wish", "user"], name="courses_one_support_per_person"),
        ]

    def __str__(self):
        return f"{self.user} → {self.wish}"
