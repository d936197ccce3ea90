"""Schools, internship offers and placements, theme weeks; what volunteer consultants may
do with them.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.db.models.deletion
import modelsearch.index
from django.conf import settings
from django.db import migrations, models

import core.models
from accounts.permission_grants import grant_permissions

GRANTS = {
    "Frivilligkonsulent": {
        "school": ["add", "change", "delete", "view"],
        "schoolcoordinator": ["add", "change", "delete", "view"],
        "internshipoffer": ["change", "view"],
        "placement": ["change", "view"],
        "themeweek": ["change", "view"],
        "themeweekcontribution": ["view"],
    }
}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("schools", "0001_initial"),
        ("schools", "0002_consultant_permissions"),
        ("schools", "0003_single_line_names"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("associations", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="School",
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
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="slug")),
                (
                    "school_type",
                    models.CharField(
                        choices=[
                            ("folkeskole", "Public school (folkeskole)"),
                            ("friskole", "Free or private school"),
                            ("efterskole", "Continuation school (efterskole)"),
                            ("gymnasium", "Upper secondary school (gymnasium/HF)"),
                            ("erhvervsskole", "Vocational school"),
                            ("10-klasse", "10th grade centre"),
                        ],
                        max_length=20,
                        verbose_name="type of school",
                    ),
                ),
                (
                    "address",
                    core.models.SingleLineField(blank=True, max_length=250, verbose_name="address"),
                ),
                ("postcode", models.CharField(blank=True, max_length=4, verbose_name="postcode")),
                (
                    "town",
                    core.models.SingleLineField(blank=True, max_length=100, verbose_name="town"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="The school's office; used when no coordinator is set.",
                        max_length=254,
                        verbose_name="email",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
            ],
            options={
                "verbose_name": "school",
                "verbose_name_plural": "schools",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="InternshipOffer",
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
                (
                    "tasks",
                    models.TextField(
                        help_text="What the pupils will do, in plain words.",
                        max_length=5000,
                        verbose_name="tasks",
                    ),
                ),
                (
                    "hours_total",
                    models.PositiveSmallIntegerField(
                        help_text="How many hours the internship lasts for each pupil.",
                        verbose_name="hours in total",
                    ),
                ),
                (
                    "weeks",
                    core.models.SingleLineField(
                        help_text="When the internship can take place, e.g. “Week 10–12” or “After school”.",
                        max_length=100,
                        verbose_name="weeks",
                    ),
                ),
                (
                    "starts_on",
                    models.DateField(blank=True, null=True, verbose_name="first possible day"),
                ),
                (
                    "ends_on",
                    models.DateField(blank=True, null=True, verbose_name="last possible day"),
                ),
                (
                    "places",
                    models.PositiveSmallIntegerField(
                        help_text="How many pupils.", verbose_name="places"
                    ),
                ),
                (
                    "minimum_age",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="minimum age"
                    ),
                ),
                (
                    "grade_from",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="0–10; leave empty for any grade.",
                        null=True,
                        verbose_name="from grade",
                    ),
                ),
                (
                    "grade_to",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="0–10, or 13 for upper secondary; leave empty for any grade.",
                        null=True,
                        verbose_name="to grade",
                    ),
                ),
                (
                    "contact_name",
                    core.models.SingleLineField(max_length=150, verbose_name="contact person"),
                ),
                ("contact_email", models.EmailField(max_length=254, verbose_name="contact email")),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=30, verbose_name="contact phone"),
                ),
                (
                    "involves_children_under_15",
                    models.BooleanField(
                        default=False,
                        help_text="Tick if pupils under 15 may take part. The association then needs a current child-record declaration (børneattest) before the offer can be published.",
                        verbose_name="pupils under 15 take part",
                    ),
                ),
                (
                    "conditions",
                    models.TextField(
                        blank=True,
                        help_text="Insurance, clothing, meals, transport, who the pupils work with.",
                        max_length=3000,
                        verbose_name="conditions for young people",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("filled", "Filled"),
                            ("closed", "Closed"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="published"),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="internship_offers",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
            ],
            options={
                "verbose_name": "internship offer",
                "verbose_name_plural": "internship offers",
                "ordering": ["-published_at", "-pk"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Placement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "message",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="message to the association"
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("requested", "Requested"),
                            ("accepted", "Accepted"),
                            ("declined", "Declined"),
                            ("agreed", "Agreed"),
                            ("completed", "Hours confirmed"),
                            ("evaluated", "Evaluated"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="requested",
                        max_length=16,
                        verbose_name="state",
                    ),
                ),
                ("pupil_count", models.PositiveSmallIntegerField(default=0, verbose_name="pupils")),
                ("starts_on", models.DateField(blank=True, null=True, verbose_name="first day")),
                ("ends_on", models.DateField(blank=True, null=True, verbose_name="last day")),
                (
                    "hours_confirmed",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="hours confirmed"
                    ),
                ),
                (
                    "decision_note",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="note from the association"
                    ),
                ),
                (
                    "cancellation_reason",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="reason for cancelling"
                    ),
                ),
                ("requested_at", models.DateTimeField(auto_now_add=True, verbose_name="requested")),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="answered"),
                ),
                ("agreed_at", models.DateTimeField(blank=True, null=True, verbose_name="agreed")),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="hours confirmed at"),
                ),
                (
                    "evaluated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="evaluated"),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="cancelled"),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "completed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="hours confirmed by",
                    ),
                ),
                (
                    "offer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="placements",
                        to="schools.internshipoffer",
                        verbose_name="internship offer",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="placements",
                        to="schools.school",
                        verbose_name="school",
                    ),
                ),
            ],
            options={
                "verbose_name": "placement",
                "verbose_name_plural": "placements",
                "ordering": ["-requested_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="PlacementEvaluation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "side",
                    models.CharField(
                        choices=[("school", "School"), ("association", "Association")],
                        max_length=16,
                        verbose_name="from",
                    ),
                ),
                (
                    "rating",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Poorly"), (2, "Fairly"), (3, "Well"), (4, "Very well")],
                        verbose_name="how did the internship go?",
                    ),
                ),
                (
                    "went_well",
                    models.TextField(blank=True, max_length=2000, verbose_name="what went well?"),
                ),
                (
                    "could_improve",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="what could be better?"
                    ),
                ),
                (
                    "would_repeat",
                    models.BooleanField(default=True, verbose_name="we would like to do it again"),
                ),
                ("submitted_at", models.DateTimeField(auto_now_add=True, verbose_name="answered")),
                (
                    "placement",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evaluations",
                        to="schools.placement",
                        verbose_name="placement",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="answered by",
                    ),
                ),
            ],
            options={
                "verbose_name": "evaluation",
                "verbose_name_plural": "evaluations",
                "ordering": ["placement", "side"],
            },
        ),
        migrations.CreateModel(
            name="PlacementPupil",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "first_name",
                    core.models.SingleLineField(max_length=60, verbose_name="first name"),
                ),
                (
                    "class_name",
                    core.models.SingleLineField(
                        help_text="E.g. 8.B or 2.g.", max_length=20, verbose_name="class"
                    ),
                ),
                (
                    "placement",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pupils",
                        to="schools.placement",
                        verbose_name="placement",
                    ),
                ),
            ],
            options={
                "verbose_name": "pupil",
                "verbose_name_plural": "pupils",
                "ordering": ["pk"],
            },
        ),
        migrations.CreateModel(
            name="SchoolCoordinator",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="coordinator_roles",
                        to="schools.school",
                        verbose_name="school",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="school_coordinator_roles",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "school coordinator",
                "verbose_name_plural": "school coordinators",
            },
        ),
        migrations.AddField(
            model_name="school",
            name="coordinators",
            field=models.ManyToManyField(
                blank=True,
                related_name="coordinated_schools",
                through="schools.SchoolCoordinator",
                to=settings.AUTH_USER_MODEL,
                verbose_name="school coordinators",
            ),
        ),
        migrations.CreateModel(
            name="ThemeWeek",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("theme", core.models.SingleLineField(max_length=150, verbose_name="theme")),
                (
                    "description",
                    models.TextField(
                        help_text="What the pupils work with and what you hope associations can bring.",
                        max_length=3000,
                        verbose_name="description",
                    ),
                ),
                ("starts_on", models.DateField(verbose_name="first day")),
                ("ends_on", models.DateField(verbose_name="last day")),
                (
                    "grade_level",
                    core.models.SingleLineField(
                        help_text="E.g. “7th grade” or “1st year (1.g)”.",
                        max_length=50,
                        verbose_name="grade level",
                    ),
                ),
                (
                    "classes",
                    core.models.SingleLineField(blank=True, max_length=100, verbose_name="classes"),
                ),
                (
                    "pupil_count",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="number of pupils"
                    ),
                ),
                ("wants_talk", models.BooleanField(default=False, verbose_name="a talk")),
                ("wants_workshop", models.BooleanField(default=False, verbose_name="a workshop")),
                (
                    "wants_visit",
                    models.BooleanField(default=False, verbose_name="a visit to the association"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open for contributions"),
                            ("closed", "Programme settled"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_weeks",
                        to="schools.school",
                        verbose_name="school",
                    ),
                ),
            ],
            options={
                "verbose_name": "theme week",
                "verbose_name_plural": "theme weeks",
                "ordering": ["starts_on", "pk"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="ThemeWeekContribution",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "kind",
                    models.CharField(
                        choices=[("talk", "Talk"), ("workshop", "Workshop"), ("visit", "Visit")],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                ("title", core.models.SingleLineField(max_length=150, verbose_name="title")),
                ("description", models.TextField(max_length=3000, verbose_name="description")),
                ("starts_at", models.DateTimeField(verbose_name="starts")),
                ("ends_at", models.DateTimeField(verbose_name="ends")),
                (
                    "place",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Leave empty if at the school.",
                        max_length=200,
                        verbose_name="place",
                    ),
                ),
                (
                    "capacity",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="how many pupils"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("offered", "Offered"),
                            ("accepted", "Accepted"),
                            ("declined", "Declined"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        default="offered",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("sequence", models.PositiveIntegerField(default=0, editable=False)),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_week_contributions",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "offered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="offered by",
                    ),
                ),
                (
                    "theme_week",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contributions",
                        to="schools.themeweek",
                        verbose_name="theme week",
                    ),
                ),
            ],
            options={
                "verbose_name": "theme-week contribution",
                "verbose_name_plural": "theme-week contributions",
                "ordering": ["starts_at", "pk"],
            },
        ),
        migrations.AddIndex(
            model_name="internshipoffer",
            index=models.Index(fields=["status", "published_at"], name="schools_offer_status"),
        ),
        migrations.AddConstraint(
            model_name="internshipoffer",
            constraint=models.CheckConstraint(
                condition=models.Q(("places__gte", 1)), name="schools_offer_places"
            ),
        ),
        migrations.AddConstraint(
            model_name="internshipoffer",
            constraint=models.CheckConstraint(
                condition=models.Q(("hours_total__gte", 1)), name="schools_offer_hours"
            ),
        ),
        migrations.AddConstraint(
            model_name="internshipoffer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("grade_from__isnull", True),
                    ("grade_to__isnull", True),
                    ("grade_to__gte", models.F("grade_from")),
                    _connector="OR",
                ),
                name="schools_offer_grade_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="internshipoffer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_on__isnull", True),
                    ("ends_on__isnull", True),
                    ("ends_on__gte", models.F("starts_on")),
                    _connector="OR",
                ),
                name="schools_offer_date_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="placementevaluation",
            constraint=models.UniqueConstraint(
                fields=("placement", "side"), name="schools_one_evaluation_per_side"
            ),
        ),
        migrations.AddIndex(
            model_name="placement",
            index=models.Index(fields=["offer", "state"], name="schools_placement_offer"),
        ),
        migrations.AddIndex(
            model_name="placement",
            index=models.Index(fields=["school", "state"], name="schools_placement_school"),
        ),
        migrations.AddConstraint(
            model_name="placement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("starts_on__isnull", True),
                    ("ends_on__isnull", True),
                    ("ends_on__gte", models.F("starts_on")),
                    _connector="OR",
                ),
                name="schools_placement_date_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="schoolcoordinator",
            constraint=models.UniqueConstraint(
                fields=("school", "user"), name="schools_one_coordinator_row"
            ),
        ),
        migrations.AddConstraint(
            model_name="themeweek",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_on__gte", models.F("starts_on"))),
                name="schools_theme_week_dates",
            ),
        ),
        migrations.AddConstraint(
            model_name="themeweekcontribution",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                name="schools_contribution_times",
            ),
        ),
        migrations.AddConstraint(
            model_name="themeweekcontribution",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("capacity__isnull", True), ("capacity__gte", 1), _connector="OR"
                ),
                name="schools_contribution_capacity",
            ),
        ),
        grant_permissions("schools", GRANTS),
    ]
