"""Courses, meetings, signups, attendance, messages, evaluations, wishes, qualifications and
invoicing; what course administrators and volunteer consultants may do with them.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import core.models
import courses.models.invoicing
from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {
        "course": ("add", "change", "delete", "view"),
        "meeting": ("add", "change", "delete", "view"),
        "provider": ("add", "change", "delete", "view"),
        "signup": ("view",),
        "attendance": ("view",),
        "coursemessage": ("view",),
        "coursewish": ("change", "view"),
        "wishsupport": ("view",),
        "evaluationanswer": ("view",),
        "evaluationinvitation": ("view",),
        "qualificationkind": ("add", "change", "delete", "view"),
    },
    "Frivilligkonsulent": {
        "coursewish": ("view",),
        "qualificationkind": ("view",),
    },
}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("courses", "0001_initial"),
        ("courses", "0002_signup_history_and_messages"),
        ("courses", "0003_course_administrator_permissions"),
        ("courses", "0004_single_line_names"),
        ("courses", "0005_evaluations_and_wishes"),
        ("courses", "0006_wish_and_evaluation_permissions"),
        ("courses", "0007_payment_and_invoicing"),
        ("courses", "0008_qualifications"),
        ("courses", "0009_qualification_permissions"),
        ("courses", "0010_signup_checkin_code"),
        ("courses", "0011_signup_questions"),
        ("courses", "0012_signup_linked_association"),
        ("courses", "0013_catalogue_index"),
        ("courses", "0014_topic_moved_to_taxonomy"),
        ("courses", "0015_catalogue_index_filtered_count"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("taxonomy", "0001_squashed"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Provider",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    core.models.SingleLineField(max_length=150, unique=True, verbose_name="name"),
                ),
                ("website", models.URLField(blank=True, verbose_name="website")),
                (
                    "contact_name",
                    core.models.SingleLineField(
                        blank=True, max_length=150, verbose_name="contact person"
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
                ),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=30, verbose_name="contact phone"),
                ),
            ],
            options={
                "verbose_name": "course provider",
                "verbose_name_plural": "course providers",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Course",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("title", core.models.SingleLineField(max_length=150, verbose_name="title")),
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="slug")),
                (
                    "summary",
                    models.TextField(
                        help_text="One or two sentences shown in the catalogue.",
                        max_length=300,
                        verbose_name="summary",
                    ),
                ),
                (
                    "description",
                    wagtail.fields.RichTextField(blank=True, verbose_name="description"),
                ),
                (
                    "instructors",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Names, separated by commas.",
                        max_length=300,
                        verbose_name="instructors",
                    ),
                ),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("board", "Board members"),
                            ("leaders", "Volunteer leaders"),
                            ("all", "All volunteers"),
                            ("young", "Young volunteers"),
                        ],
                        default="all",
                        max_length=16,
                        verbose_name="audience",
                    ),
                ),
                (
                    "format",
                    models.CharField(
                        choices=[
                            ("in_person", "In person"),
                            ("online", "Online"),
                            ("hybrid", "Hybrid"),
                        ],
                        default="in_person",
                        max_length=16,
                        verbose_name="format",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("da", "Dansk"), ("en", "English")],
                        default="da",
                        max_length=8,
                        verbose_name="language",
                    ),
                ),
                (
                    "venue_name",
                    core.models.SingleLineField(blank=True, max_length=150, verbose_name="venue"),
                ),
                (
                    "venue_address",
                    core.models.SingleLineField(
                        blank=True, max_length=250, verbose_name="venue address"
                    ),
                ),
                (
                    "online_link",
                    models.URLField(
                        blank=True,
                        help_text="Shown only to confirmed participants.",
                        verbose_name="online link",
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Leave empty for unlimited seats.",
                        null=True,
                        verbose_name="capacity",
                    ),
                ),
                (
                    "min_participants",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="minimum participants"
                    ),
                ),
                (
                    "price",
                    models.DecimalField(
                        decimal_places=2,
                        default=0,
                        help_text="0 means free.",
                        max_digits=8,
                        verbose_name="price (DKK)",
                    ),
                ),
                (
                    "payment_method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("invoice", "Invoice to the association (EAN or CVR)"),
                            ("on_the_day", "Pay on the day"),
                        ],
                        help_text="Required when the course has a price.",
                        max_length=16,
                        verbose_name="how to pay",
                    ),
                ),
                (
                    "payment_note",
                    models.TextField(
                        blank=True,
                        help_text="Shown on the course page and in the confirmation, e.g. when the invoice is sent, or MobilePay and cash at the door.",
                        max_length=500,
                        verbose_name="payment note",
                    ),
                ),
                (
                    "signup_opens_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="Leave empty to open signup as soon as the course is published.",
                        null=True,
                        verbose_name="signup opens",
                    ),
                ),
                (
                    "signup_deadline",
                    models.DateTimeField(
                        blank=True,
                        help_text="Leave empty to allow signup until the course starts.",
                        null=True,
                        verbose_name="signup deadline",
                    ),
                ),
                (
                    "cancellation_deadline",
                    models.DateTimeField(
                        blank=True,
                        help_text="Participants may cancel themselves until then. Empty: until the start.",
                        null=True,
                        verbose_name="cancellation deadline",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "contact_name",
                    core.models.SingleLineField(
                        blank=True, max_length=150, verbose_name="contact person"
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
                ),
                (
                    "requires_approval",
                    models.BooleanField(
                        default=False,
                        help_text="An organiser approves each signup before the seat is confirmed.",
                        verbose_name="requires approval",
                    ),
                ),
                (
                    "waiting_list_enabled",
                    models.BooleanField(default=True, verbose_name="waiting list"),
                ),
                (
                    "waiting_list_mode",
                    models.CharField(
                        choices=[
                            ("automatic", "Confirm the next person automatically"),
                            ("offer", "Offer the seat for a limited time"),
                        ],
                        default="automatic",
                        max_length=16,
                        verbose_name="when a seat is freed",
                    ),
                ),
                (
                    "offer_hours",
                    models.PositiveSmallIntegerField(
                        default=48,
                        help_text="In offer mode: how long the next person on the waiting list has to accept.",
                        verbose_name="hours to accept an offer",
                    ),
                ),
                (
                    "issues_certificate",
                    models.BooleanField(default=True, verbose_name="issues a certificate"),
                ),
                (
                    "min_attendance_percent",
                    models.PositiveSmallIntegerField(
                        default=100,
                        help_text="Share of the meetings a participant must attend to complete the course.",
                        verbose_name="minimum attendance (%)",
                    ),
                ),
                (
                    "show_evaluation_average",
                    models.BooleanField(
                        default=False,
                        help_text="The average usefulness from the evaluations of this course and of the run it was copied from, once at least three participants have answered.",
                        verbose_name="show the participants' rating on the course page",
                    ),
                ),
                (
                    "starts_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="starts"
                    ),
                ),
                (
                    "ends_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="ends"
                    ),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="cancelled at"
                    ),
                ),
                (
                    "cancellation_reason",
                    models.TextField(blank=True, verbose_name="reason for cancellation"),
                ),
                (
                    "duplicated_from",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="copies",
                        to="courses.course",
                        verbose_name="copy of",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="image",
                    ),
                ),
                (
                    "organisers",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="People who may see the participants and run the course.",
                        related_name="organised_courses",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="organisers",
                    ),
                ),
                (
                    "topics",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="courses",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="courses",
                        to="courses.provider",
                        verbose_name="provider",
                    ),
                ),
            ],
            options={
                "verbose_name": "course",
                "verbose_name_plural": "courses",
                "ordering": ["starts_at", "title"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="CourseMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("subject", core.models.SingleLineField(max_length=150, verbose_name="subject")),
                ("body", models.TextField(max_length=5000, verbose_name="message")),
                (
                    "recipients",
                    models.CharField(
                        choices=[
                            ("confirmed", "Confirmed participants"),
                            ("confirmed_waiting", "Confirmed participants and the waiting list"),
                        ],
                        default="confirmed",
                        max_length=24,
                        verbose_name="recipients",
                    ),
                ),
                (
                    "recipient_count",
                    models.PositiveIntegerField(default=0, verbose_name="number of recipients"),
                ),
                (
                    "sent_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="sent"),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="courses.course",
                        verbose_name="course",
                    ),
                ),
                (
                    "sent_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="sent by",
                    ),
                ),
            ],
            options={
                "verbose_name": "message to participants",
                "verbose_name_plural": "messages to participants",
                "ordering": ["-sent_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="CourseWish",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    core.models.SingleLineField(
                        help_text="A short title, e.g. “Budgets for small associations”.",
                        max_length=120,
                        verbose_name="what would you like to learn?",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="What should the course cover, and who is it for?",
                        max_length=1000,
                        verbose_name="tell us a little more",
                    ),
                ),
                (
                    "expected_participants",
                    models.PositiveSmallIntegerField(
                        help_text="Count yourself and the people you know who would come, e.g. from your association.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(200),
                        ],
                        verbose_name="how many would come?",
                    ),
                ),
                (
                    "time_of_day",
                    models.CharField(
                        choices=[
                            ("any", "No preference"),
                            ("daytime", "Weekdays, daytime"),
                            ("evening", "Weekday evenings"),
                            ("weekend", "Weekends"),
                        ],
                        default="any",
                        max_length=16,
                        verbose_name="preferred time",
                    ),
                ),
                (
                    "format",
                    models.CharField(
                        choices=[
                            ("any", "No preference"),
                            ("in_person", "In person"),
                            ("online", "Online"),
                        ],
                        default="any",
                        max_length=16,
                        verbose_name="preferred format",
                    ),
                ),
                (
                    "association",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Shown with the wish. Your name is never shown.",
                        max_length=150,
                        verbose_name="on behalf of an association or board",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open"),
                            ("planned", "A course is planned"),
                            ("closed", "Closed"),
                        ],
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "response",
                    models.TextField(
                        blank=True,
                        help_text="Shown with the wish on the public list.",
                        max_length=1000,
                        verbose_name="answer from the municipality",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="proposed")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("planned_at", models.DateTimeField(blank=True, null=True, verbose_name="planned")),
                (
                    "announced_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="supporters told"),
                ),
                (
                    "planned_course",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="wishes",
                        to="courses.course",
                        verbose_name="planned course",
                    ),
                ),
                (
                    "proposed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="course_wishes",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="wishes",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "course wish",
                "verbose_name_plural": "course wishes",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="EvaluationAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "usefulness",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "1 – not useful"),
                            (2, "2 – a little useful"),
                            (3, "3 – somewhat useful"),
                            (4, "4 – quite useful"),
                            (5, "5 – very useful"),
                        ],
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="how useful was the course for you?",
                    ),
                ),
                (
                    "would_recommend",
                    models.BooleanField(verbose_name="would you recommend the course to others?"),
                ),
                (
                    "keep",
                    models.TextField(
                        blank=True, max_length=1000, verbose_name="what should we keep?"
                    ),
                ),
                (
                    "change",
                    models.TextField(
                        blank=True, max_length=1000, verbose_name="what should we change?"
                    ),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evaluation_answers",
                        to="courses.course",
                        verbose_name="course",
                    ),
                ),
            ],
            options={
                "verbose_name": "evaluation answer",
                "verbose_name_plural": "evaluation answers",
            },
        ),
        migrations.CreateModel(
            name="EvaluationInvitation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("sent_at", models.DateTimeField(verbose_name="invited")),
                ("answered", models.BooleanField(default=False, verbose_name="answered")),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evaluation_invitations",
                        to="courses.course",
                        verbose_name="course",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="course_evaluation_invitations",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="participant",
                    ),
                ),
            ],
            options={
                "verbose_name": "evaluation invitation",
                "verbose_name_plural": "evaluation invitations",
                "ordering": ["-sent_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Meeting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Optional, e.g. 'Part 2: the budget'.",
                        max_length=150,
                        verbose_name="title",
                    ),
                ),
                ("starts_at", models.DateTimeField(verbose_name="starts")),
                ("ends_at", models.DateTimeField(verbose_name="ends")),
                (
                    "venue_name",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Only if it differs from the course's.",
                        max_length=150,
                        verbose_name="venue",
                    ),
                ),
                (
                    "venue_address",
                    core.models.SingleLineField(
                        blank=True, max_length=250, verbose_name="venue address"
                    ),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="cancelled at"
                    ),
                ),
                ("sequence", models.PositiveIntegerField(default=0, editable=False)),
                (
                    "course",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="meetings",
                        to="courses.course",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting",
                "verbose_name_plural": "meetings",
                "ordering": ["starts_at"],
            },
        ),
        migrations.CreateModel(
            name="QualificationKind",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    core.models.SingleLineField(max_length=80, unique=True, verbose_name="name"),
                ),
                (
                    "name_en",
                    core.models.SingleLineField(
                        blank=True, max_length=80, verbose_name="name in English"
                    ),
                ),
                (
                    "validity_months",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Counted from the last day of the course that grants it. Leave empty if it does not expire.",
                        null=True,
                        verbose_name="valid for (months)",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="For staff: what the qualification covers and who asks for it.",
                        max_length=500,
                        verbose_name="description",
                    ),
                ),
            ],
            options={
                "verbose_name": "qualification",
                "verbose_name_plural": "qualifications",
                "ordering": ["name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("validity_months__isnull", True),
                            ("validity_months__gte", 1),
                            _connector="OR",
                        ),
                        name="courses_qualification_validity_positive",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="course",
            name="qualification",
            field=models.ForeignKey(
                blank=True,
                help_text="Participants who complete the course hold it from the last day of the course, for as long as the qualification is valid.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="courses",
                to="courses.qualificationkind",
                verbose_name="grants the qualification",
            ),
        ),
        migrations.CreateModel(
            name="QualificationReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("valid_until", models.DateField(verbose_name="valid until")),
                ("sent_at", models.DateTimeField(verbose_name="sent")),
                (
                    "kind",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="courses.qualificationkind",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "qualification reminder",
                "verbose_name_plural": "qualification reminders",
            },
        ),
        migrations.CreateModel(
            name="Signup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Awaiting approval"),
                            ("confirmed", "Confirmed"),
                            ("waitlisted", "On the waiting list"),
                            ("offered", "Seat offered"),
                            ("cancelled", "Cancelled"),
                            ("declined", "Declined"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "queue_number",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="waiting list number"
                    ),
                ),
                (
                    "association",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="The association you volunteer in, if any.",
                        max_length=150,
                        verbose_name="association",
                    ),
                ),
                (
                    "linked_association_id",
                    models.PositiveBigIntegerField(
                        blank=True,
                        editable=False,
                        help_text="Set when chosen among the person's own associations; the name is kept.",
                        null=True,
                        verbose_name="association on Frivilligløft",
                    ),
                ),
                (
                    "needs",
                    models.TextField(
                        blank=True,
                        help_text="Accessibility, diet or anything else the organisers should know.",
                        max_length=1000,
                        verbose_name="needs",
                    ),
                ),
                (
                    "invoice_association",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="The association's name as it should be on the invoice.",
                        max_length=150,
                        verbose_name="association to invoice",
                    ),
                ),
                (
                    "invoice_ean",
                    models.CharField(
                        blank=True,
                        help_text="13 digits. Only if the association receives electronic invoices.",
                        max_length=13,
                        validators=[courses.models.invoicing.validate_ean],
                        verbose_name="EAN number",
                    ),
                ),
                (
                    "invoice_cvr",
                    models.CharField(
                        blank=True,
                        max_length=8,
                        validators=[courses.models.invoicing.validate_cvr],
                        verbose_name="CVR number",
                    ),
                ),
                (
                    "invoice_reference",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Optional: an order number or the person the invoice is for.",
                        max_length=100,
                        verbose_name="reference on the invoice",
                    ),
                ),
                (
                    "show_name_to_participants",
                    models.BooleanField(
                        default=False,
                        help_text="Other participants may see your name. You can change this at any time.",
                        verbose_name="show my name on the participant list",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="signed up")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "confirmed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="confirmed"),
                ),
                (
                    "waitlisted_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="put on the waiting list"
                    ),
                ),
                (
                    "offered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="seat offered"),
                ),
                (
                    "offer_expires_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="offer expires"),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="cancelled"),
                ),
                (
                    "reminder_sent_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="reminder sent"),
                ),
                (
                    "declined_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="declined"),
                ),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("participant", "Cancelled by the participant"),
                            ("organiser", "Cancelled by an organiser"),
                            ("left_waiting_list", "Left the waiting list"),
                            ("not_approved", "Not approved by an organiser"),
                            ("offer_declined", "Offered seat declined"),
                            ("offer_expired", "Offered seat not accepted in time"),
                        ],
                        max_length=24,
                        verbose_name="reason",
                    ),
                ),
                (
                    "checkin_token_hash",
                    models.CharField(blank=True, db_index=True, editable=False, max_length=64),
                ),
                (
                    "cancelled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="cancelled by",
                    ),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signups",
                        to="courses.course",
                        verbose_name="course",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="course_signups",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="participant",
                    ),
                ),
            ],
            options={
                "verbose_name": "signup",
                "verbose_name_plural": "signups",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("present", models.BooleanField(verbose_name="present")),
                (
                    "marked_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="marked at"
                    ),
                ),
                (
                    "marked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="marked by",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="courses.meeting",
                    ),
                ),
                (
                    "signup",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="courses.signup",
                    ),
                ),
            ],
            options={
                "verbose_name": "attendance",
                "verbose_name_plural": "attendance",
            },
        ),
        migrations.CreateModel(
            name="SignupQuestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("text", core.models.SingleLineField(max_length=200, verbose_name="question")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("text", "Short text"),
                            ("yes_no", "Yes or no"),
                            ("choice", "One of several options"),
                        ],
                        default="text",
                        max_length=16,
                        verbose_name="kind of answer",
                    ),
                ),
                (
                    "options",
                    models.TextField(
                        blank=True,
                        help_text="For one of several options: one option per line.",
                        max_length=2000,
                        verbose_name="options",
                    ),
                ),
                (
                    "required",
                    models.BooleanField(default=False, verbose_name="an answer is required"),
                ),
                (
                    "course",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="questions",
                        to="courses.course",
                    ),
                ),
            ],
            options={
                "verbose_name": "signup question",
                "verbose_name_plural": "signup questions",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="SignupAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.TextField(max_length=500, verbose_name="answer")),
                (
                    "signup",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="courses.signup",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="courses.signupquestion",
                    ),
                ),
            ],
            options={
                "verbose_name": "answer to a signup question",
                "verbose_name_plural": "answers to signup questions",
            },
        ),
        migrations.CreateModel(
            name="WishSupport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="supported")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="course_wish_supports",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
                (
                    "wish",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="supports",
                        to="courses.coursewish",
                        verbose_name="course wish",
                    ),
                ),
            ],
            options={
                "verbose_name": "support for a course wish",
                "verbose_name_plural": "support for course wishes",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.AddIndex(
            model_name="coursewish",
            index=models.Index(fields=["status", "topic"], name="courses_wish_status_topic"),
        ),
        migrations.AddConstraint(
            model_name="evaluationanswer",
            constraint=models.CheckConstraint(
                condition=models.Q(("usefulness__gte", 1), ("usefulness__lte", 5)),
                name="courses_evaluation_usefulness_1_to_5",
            ),
        ),
        migrations.AddConstraint(
            model_name="evaluationinvitation",
            constraint=models.UniqueConstraint(
                fields=("course", "user"), name="courses_one_evaluation_invitation"
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                name="courses_meeting_ends_after_start",
            ),
        ),
        migrations.AddIndex(
            model_name="course",
            index=models.Index(
                condition=models.Q(("status", "published"), ("starts_at__isnull", False)),
                fields=["starts_at", "ends_at", "format", "id"],
                name="courses_published_start_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="course",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("capacity__isnull", True), ("capacity__gte", 1), _connector="OR"
                ),
                name="courses_capacity_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="course",
            constraint=models.CheckConstraint(
                condition=models.Q(("price__gte", 0)), name="courses_price_not_negative"
            ),
        ),
        migrations.AddConstraint(
            model_name="course",
            constraint=models.CheckConstraint(
                condition=models.Q(("min_attendance_percent__lte", 100)),
                name="courses_min_attendance_at_most_100",
            ),
        ),
        migrations.AddConstraint(
            model_name="qualificationreminder",
            constraint=models.UniqueConstraint(
                fields=("user", "kind", "valid_until"),
                name="courses_one_reminder_per_qualification_period",
            ),
        ),
        migrations.AddIndex(
            model_name="signup",
            index=models.Index(fields=["course", "status"], name="courses_signup_course_status"),
        ),
        migrations.AddIndex(
            model_name="signup",
            index=models.Index(fields=["user", "status"], name="courses_signup_user_status"),
        ),
        migrations.AddIndex(
            model_name="signup",
            index=models.Index(
                fields=["status", "offer_expires_at"], name="courses_signup_offer_expiry"
            ),
        ),
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("status__in", ("pending", "confirmed", "waitlisted", "offered"))
                ),
                fields=("course", "user"),
                name="courses_one_active_signup_per_user",
            ),
        ),
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.UniqueConstraint(
                condition=models.Q(("queue_number__isnull", False)),
                fields=("course", "queue_number"),
                name="courses_unique_queue_number",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("signup", "meeting"), name="courses_one_attendance_mark"
            ),
        ),
        migrations.AddConstraint(
            model_name="signupanswer",
            constraint=models.UniqueConstraint(
                fields=("signup", "question"), name="courses_one_answer_per_question"
            ),
        ),
        migrations.AddConstraint(
            model_name="wishsupport",
            constraint=models.UniqueConstraint(
                fields=("wish", "user"), name="courses_one_support_per_person"
            ),
        ),
        grant_permissions("courses", GRANTS),
    ]
