"""Associations, their people, venues, activities and the volunteer fairs; what volunteer
consultants may do with them in the admin.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
import modelsearch.index
from django.conf import settings
from django.db import migrations, models

import associations.validators
import core.models
from accounts.permission_grants import grant_permissions

# Volunteer consultants verify and hide associations (change, not delete: an association's
# admins own it), keep the categories, run the volunteer fairs with their stands, manage the
# people of an association that has lost its admins, and see and withdraw the invitations
# sent to people without a profile ("delete" withdraws through
# associations.services.revoke_invitation, which also asks for the right to add roles).
GRANTS = {
    "Frivilligkonsulent": {
        "association": ["add", "change", "view"],
        "category": ["add", "change", "delete", "view"],
        "fair": ["add", "change", "delete", "view"],
        "fairstand": ["add", "change", "delete", "view"],
        "associationrole": ["add", "change", "delete", "view"],
        "associationinvitation": ["view", "delete"],
    }
}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("associations", "0001_initial"),
        ("associations", "0002_consultant_permissions"),
        ("associations", "0003_consultants_manage_people"),
        ("associations", "0004_single_line_names"),
        ("associations", "0005_several_roles_and_invitations"),
        ("associations", "0006_consultants_see_invitations"),
        ("associations", "0007_topic_moved_to_taxonomy"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("taxonomy", "0001_squashed"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Category",
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
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
            ],
            options={
                "verbose_name": "category",
                "verbose_name_plural": "categories",
                "ordering": ["name"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Association",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("name", core.models.SingleLineField(max_length=150, verbose_name="name")),
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="slug")),
                (
                    "cvr",
                    models.CharField(
                        blank=True,
                        help_text="Optional. Eight digits, as registered at virk.dk.",
                        max_length=8,
                        validators=[associations.validators.validate_cvr],
                        verbose_name="CVR number",
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        blank=True,
                        help_text="One or two sentences shown in the directory.",
                        max_length=300,
                        verbose_name="summary",
                    ),
                ),
                (
                    "description",
                    models.TextField(blank=True, max_length=5000, verbose_name="description"),
                ),
                (
                    "town",
                    core.models.SingleLineField(
                        help_text="For example Høng, Gørlev or Kalundborg.",
                        max_length=80,
                        verbose_name="town or area",
                    ),
                ),
                (
                    "address",
                    core.models.SingleLineField(blank=True, max_length=250, verbose_name="address"),
                ),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="phone")),
                (
                    "is_public",
                    models.BooleanField(
                        default=True,
                        help_text="Hidden associations are seen only by their own admins and by staff.",
                        verbose_name="shown in the directory",
                    ),
                ),
                (
                    "verified_by_staff",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="verified by staff"
                    ),
                ),
                (
                    "verified_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="verified"
                    ),
                ),
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
                (
                    "categories",
                    models.ManyToManyField(
                        blank=True,
                        related_name="associations",
                        to="associations.category",
                        verbose_name="categories",
                    ),
                ),
            ],
            options={
                "verbose_name": "association",
                "verbose_name_plural": "associations",
                "ordering": ["name", "pk"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="ChildRecordDeclaration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                (
                    "declared_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="declared"
                    ),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="child_record_declarations",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "declared_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="declared by",
                    ),
                ),
            ],
            options={
                "verbose_name": "child-record declaration",
                "verbose_name_plural": "child-record declarations",
                "ordering": ["association", "-year"],
            },
        ),
        migrations.CreateModel(
            name="Fair",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", core.models.SingleLineField(max_length=150, verbose_name="title")),
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="slug")),
                ("date", models.DateField(verbose_name="date")),
                ("starts_at", models.TimeField(blank=True, null=True, verbose_name="opens")),
                ("ends_at", models.TimeField(blank=True, null=True, verbose_name="closes")),
                ("place", core.models.SingleLineField(max_length=150, verbose_name="place")),
                (
                    "address",
                    core.models.SingleLineField(blank=True, max_length=250, verbose_name="address"),
                ),
                (
                    "registration_deadline",
                    models.DateField(
                        help_text="Associations can register a stand until then.",
                        verbose_name="registration deadline",
                    ),
                ),
                (
                    "description",
                    models.TextField(blank=True, max_length=5000, verbose_name="description"),
                ),
                ("is_published", models.BooleanField(default=False, verbose_name="published")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
            ],
            options={
                "verbose_name": "volunteer fair",
                "verbose_name_plural": "volunteer fairs",
                "ordering": ["-date", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("registration_deadline__lte", models.F("date"))),
                        name="associations_fair_deadline_before_date",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="FairStand",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "offer",
                    models.TextField(
                        help_text="What visitors meet at the stand.",
                        max_length=1000,
                        verbose_name="what we offer",
                    ),
                ),
                (
                    "volunteers_sought",
                    models.TextField(
                        blank=True, max_length=1000, verbose_name="volunteers we seek"
                    ),
                ),
                (
                    "registered_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="registered"
                    ),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="fair_stands",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "fair",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="stands",
                        to="associations.fair",
                        verbose_name="fair",
                    ),
                ),
                (
                    "registered_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="registered by",
                    ),
                ),
            ],
            options={
                "verbose_name": "stand",
                "verbose_name_plural": "stands",
                "ordering": ["fair", "association__name", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Venue",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", core.models.SingleLineField(max_length=150, verbose_name="name")),
                ("address", core.models.SingleLineField(max_length=250, verbose_name="address")),
                (
                    "accessibility",
                    models.TextField(
                        blank=True,
                        help_text="Step-free access, accessible toilet, hearing loop, parking …",
                        max_length=1000,
                        verbose_name="accessibility",
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="capacity"),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="venues",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
            ],
            options={
                "verbose_name": "venue",
                "verbose_name_plural": "venues",
                "ordering": ["association", "name", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Activity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", core.models.SingleLineField(max_length=150, verbose_name="title")),
                (
                    "description",
                    models.TextField(blank=True, max_length=3000, verbose_name="description"),
                ),
                (
                    "schedule",
                    core.models.SingleLineField(
                        blank=True,
                        help_text='For recurring activities, e.g. "Tuesdays 17–19" or "every other Saturday".',
                        max_length=150,
                        verbose_name="when",
                    ),
                ),
                ("starts_at", models.DateTimeField(blank=True, null=True, verbose_name="starts")),
                ("ends_at", models.DateTimeField(blank=True, null=True, verbose_name="ends")),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("everyone", "Everyone"),
                            ("children", "Children"),
                            ("young", "Young people"),
                            ("adults", "Adults"),
                            ("seniors", "Seniors"),
                            ("families", "Families"),
                        ],
                        default="everyone",
                        max_length=16,
                        verbose_name="for whom",
                    ),
                ),
                (
                    "looking_for_volunteers",
                    models.BooleanField(
                        default=False, verbose_name="we are looking for volunteers"
                    ),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="activities",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "venue",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="activities",
                        to="associations.venue",
                        verbose_name="venue",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
                "ordering": ["association", "starts_at", "title", "pk"],
            },
        ),
        migrations.CreateModel(
            name="AssociationInvitation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("email", models.EmailField(max_length=254, verbose_name="email address")),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
                ("expires_at", models.DateTimeField(verbose_name="expires")),
                (
                    "accepted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="accepted"),
                ),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="withdrawn"),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("treasurer", "Treasurer"),
                            ("board_member", "Board member"),
                            ("volunteer_leader", "Volunteer leader"),
                            ("contact_person", "Contact person"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "is_admin",
                    models.BooleanField(default=False, verbose_name="can manage the association"),
                ),
                (
                    "accepted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="accepted by",
                    ),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "invited_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="invited by",
                    ),
                ),
            ],
            options={
                "verbose_name": "invitation to an association",
                "verbose_name_plural": "invitations to associations",
                "ordering": ["-created_at", "-pk"],
                "abstract": False,
                "indexes": [
                    models.Index(
                        django.db.models.functions.text.Lower("email"),
                        models.F("association"),
                        name="associations_invitation_email",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AssociationRole",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("treasurer", "Treasurer"),
                            ("board_member", "Board member"),
                            ("volunteer_leader", "Volunteer leader"),
                            ("contact_person", "Contact person"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "is_admin",
                    models.BooleanField(
                        default=False,
                        help_text="Admins edit the association, its people, venues and activities.",
                        verbose_name="can manage the association",
                    ),
                ),
                (
                    "consent_show_competences",
                    models.BooleanField(
                        default=False,
                        help_text="The board's competence overview then counts the topics of courses you have completed.",
                        verbose_name="show my completed courses to the board",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="association_roles",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "role in an association",
                "verbose_name_plural": "roles in associations",
                "ordering": ["association", "user__full_name", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("association", "user", "role"), name="associations_each_role_once"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="BoardCompetenceNeed",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=250, verbose_name="note")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="competence_needs",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "board competence need",
                "verbose_name_plural": "board competence needs",
                "ordering": ["association", "topic__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("association", "topic"), name="associations_one_need_per_topic"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="association",
            index=models.Index(
                django.db.models.functions.text.Lower("town"), name="associations_town_lower"
            ),
        ),
        migrations.AddConstraint(
            model_name="childrecorddeclaration",
            constraint=models.UniqueConstraint(
                fields=("association", "year"), name="associations_one_declaration_per_year"
            ),
        ),
        migrations.AddConstraint(
            model_name="fairstand",
            constraint=models.UniqueConstraint(
                fields=("fair", "association"), name="associations_one_stand_per_fair"
            ),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_at__isnull", True),
                    models.Q(("ends_at__gte", models.F("starts_at")), ("starts_at__isnull", False)),
                    _connector="OR",
                ),
                name="associations_activity_ends_after_start",
            ),
        ),
        grant_permissions("associations", GRANTS),
    ]
