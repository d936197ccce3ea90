"""Leader networks, their meetings, messages and sparring requests; what volunteer
consultants may do with them.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.db.models.deletion
import django.db.models.functions.text
import modelsearch.index
from django.conf import settings
from django.db import migrations, models

import core.models
from accounts.permission_grants import grant_permissions

GRANTS = {
    "Frivilligkonsulent": {
        "network": ["add", "change", "delete", "view"],
        "networkmeeting": ["add", "change", "view"],
        "sparringrequest": ["change", "view"],
    }
}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("networks", "0001_initial"),
        ("networks", "0002_consultant_permissions"),
        ("networks", "0003_single_line_names"),
        ("networks", "0004_linked_association"),
        ("networks", "0005_topic_moved_to_taxonomy"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("taxonomy", "0001_squashed"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Network",
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
                    "name",
                    core.models.SingleLineField(max_length=150, unique=True, verbose_name="name"),
                ),
                ("slug", models.SlugField(max_length=160, unique=True, verbose_name="slug")),
                (
                    "summary",
                    models.CharField(
                        help_text="One or two sentences shown in the list of networks.",
                        max_length=300,
                        verbose_name="summary",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="Who the network is for and what happens in it. Shown to everyone.",
                        verbose_name="description",
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
                        default="leaders",
                        max_length=16,
                        verbose_name="audience",
                    ),
                ),
                (
                    "join_policy",
                    models.CharField(
                        choices=[
                            ("open", "Open: anyone can join"),
                            ("approval", "By approval: a coordinator approves each request"),
                            ("invitation", "By invitation only"),
                        ],
                        default="approval",
                        max_length=16,
                        verbose_name="who can join",
                    ),
                ),
                (
                    "is_listed",
                    models.BooleanField(
                        default=True,
                        help_text="Listed networks appear on the list of networks. Unlisted ones are found only through a direct link or an invitation.",
                        verbose_name="listed",
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        blank=True,
                        help_text="Where questions about the network go. Replies to network emails go here.",
                        max_length=254,
                        verbose_name="contact email",
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
                    "topics",
                    models.ManyToManyField(
                        blank=True,
                        related_name="networks",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
            ],
            options={
                "verbose_name": "network",
                "verbose_name_plural": "networks",
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="NetworkMeeting",
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
                ("starts_at", models.DateTimeField(verbose_name="starts")),
                ("ends_at", models.DateTimeField(verbose_name="ends")),
                (
                    "place_name",
                    core.models.SingleLineField(blank=True, max_length=150, verbose_name="place"),
                ),
                (
                    "place_address",
                    core.models.SingleLineField(blank=True, max_length=250, verbose_name="address"),
                ),
                (
                    "online_link",
                    models.URLField(
                        blank=True,
                        help_text="For online or hybrid meetings.",
                        verbose_name="online link",
                    ),
                ),
                (
                    "agenda",
                    models.TextField(
                        blank=True,
                        help_text="Shown to everyone.",
                        max_length=5000,
                        verbose_name="agenda",
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="How many can come. Leave empty for no limit.",
                        null=True,
                        verbose_name="capacity",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("planned", "Planned"), ("cancelled", "Cancelled")],
                        default="planned",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "cancelled_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="cancelled at"),
                ),
                (
                    "cancellation_reason",
                    models.TextField(blank=True, verbose_name="reason for cancellation"),
                ),
                (
                    "notes",
                    models.TextField(
                        blank=True,
                        help_text="Notes or minutes from the meeting. Shown to members only.",
                        max_length=20000,
                        verbose_name="notes",
                    ),
                ),
                (
                    "notes_updated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="notes updated"),
                ),
                ("sequence", models.PositiveIntegerField(default=0, editable=False)),
                (
                    "reminder_sent_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="reminder sent"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="planned by",
                    ),
                ),
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="meetings",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            options={
                "verbose_name": "network meeting",
                "verbose_name_plural": "network meetings",
                "ordering": ["starts_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="NetworkMessage",
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
                    "recipient_count",
                    models.PositiveIntegerField(default=0, verbose_name="recipients"),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
                (
                    "sender",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="sender",
                    ),
                ),
            ],
            options={
                "verbose_name": "message to members",
                "verbose_name_plural": "messages to members",
                "ordering": ["-sent_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Rsvp",
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
                    "answer",
                    models.CharField(
                        choices=[("yes", "Coming"), ("no", "Not coming"), ("maybe", "Maybe")],
                        max_length=8,
                        verbose_name="answer",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rsvps",
                        to="networks.networkmeeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="network_rsvps",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "answer",
                "verbose_name_plural": "answers",
                "ordering": ["meeting", "created_at"],
            },
        ),
        migrations.CreateModel(
            name="SparringRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("subject", core.models.SingleLineField(max_length=150, verbose_name="subject")),
                (
                    "description",
                    models.TextField(
                        max_length=3000, verbose_name="what would you like sparring on?"
                    ),
                ),
                (
                    "association",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="Who you ask on behalf of, if any.",
                        max_length=150,
                        verbose_name="association or board",
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
                    "contact_method",
                    models.CharField(
                        choices=[
                            ("email", "By email"),
                            ("phone", "By phone"),
                            ("meeting", "At a meeting"),
                        ],
                        default="email",
                        max_length=16,
                        verbose_name="how would you like to be contacted?",
                    ),
                ),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        help_text="Only if you would like a call.",
                        max_length=30,
                        verbose_name="phone number",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "New"),
                            ("assigned", "Assigned to a consultant"),
                            ("answered", "Answered"),
                            ("closed", "Closed"),
                        ],
                        default="new",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="received")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "assigned_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="assigned"),
                ),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="answered"),
                ),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                (
                    "assigned_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="assigned_sparring_requests",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="consultant",
                    ),
                ),
                (
                    "requester",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sparring_requests",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sparring_requests",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "sparring request",
                "verbose_name_plural": "sparring requests",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="SparringReply",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "from_staff",
                    models.BooleanField(default=False, verbose_name="from a consultant"),
                ),
                ("body", models.TextField(max_length=5000, verbose_name="message")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="written")),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="replies",
                        to="networks.sparringrequest",
                        verbose_name="sparring request",
                    ),
                ),
            ],
            options={
                "verbose_name": "sparring reply",
                "verbose_name_plural": "sparring replies",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Membership",
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
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Awaiting approval"),
                            ("active", "Member"),
                            ("declined", "Request declined"),
                            ("left", "Left the network"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("member", "Member"), ("coordinator", "Coordinator")],
                        default="member",
                        max_length=16,
                        verbose_name="role",
                    ),
                ),
                (
                    "association",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="The association or board you come from, if any.",
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
                    "request_message",
                    models.TextField(
                        blank=True,
                        help_text="Optional: a few words about you and why you would like to join.",
                        max_length=1000,
                        verbose_name="message to the coordinators",
                    ),
                ),
                (
                    "show_name_to_members",
                    models.BooleanField(
                        default=False,
                        help_text="Other members see your name and association on the member list. You can change this at any time.",
                        verbose_name="show my name to the other members",
                    ),
                ),
                (
                    "requested_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="requested"),
                ),
                ("joined_at", models.DateTimeField(blank=True, null=True, verbose_name="joined")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                ("left_at", models.DateTimeField(blank=True, null=True, verbose_name="left")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="network_memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            options={
                "verbose_name": "membership",
                "verbose_name_plural": "memberships",
                "ordering": ["network", "user__full_name"],
                "indexes": [
                    models.Index(fields=["network", "status"], name="networks_member_net_status"),
                    models.Index(fields=["user", "status"], name="networks_member_user_status"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("network", "user"), name="networks_one_membership_per_person"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Invitation",
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
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            options={
                "verbose_name": "invitation",
                "verbose_name_plural": "invitations",
                "ordering": ["-created_at", "-pk"],
                "abstract": False,
                "indexes": [
                    models.Index(
                        django.db.models.functions.text.Lower("email"),
                        models.F("network"),
                        name="networks_invitation_email",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="networkmeeting",
            index=models.Index(fields=["network", "starts_at"], name="networks_meeting_net_start"),
        ),
        migrations.AddIndex(
            model_name="networkmeeting",
            index=models.Index(fields=["status", "starts_at"], name="networks_meeting_status_idx"),
        ),
        migrations.AddConstraint(
            model_name="networkmeeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                name="networks_meeting_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="networkmeeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("capacity__isnull", True), ("capacity__gte", 1), _connector="OR"
                ),
                name="networks_meeting_capacity_positive",
            ),
        ),
        migrations.AddConstraint(
            model_name="rsvp",
            constraint=models.UniqueConstraint(
                fields=("meeting", "user"), name="networks_one_rsvp_per_person"
            ),
        ),
        migrations.AddIndex(
            model_name="sparringrequest",
            index=models.Index(fields=["status", "created_at"], name="networks_sparring_status"),
        ),
        grant_permissions("networks", GRANTS),
    ]
