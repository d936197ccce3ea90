"""The pages, settings and snippets of the site, squashed in December 2026 (`replaces` lists
what it stands for; docs/operations.md says what a database part way through those needs).

What it sets up besides the tables:
- English as a second content language, and what the editorial roles may do with pages.
  Redaktør writes and edits pages and submits them for approval; Frivilligkonsulent may also
  publish, and approves submissions in the workflow "Faglig godkendelse", which replaces
  Wagtail's default "Moderators approval". Both may add and use images and documents.
  Wagtail's default "Editors" and "Moderators" groups are removed when nobody is in them.
- A GIN index on the expression Wagtail's PostgreSQL search backend filters with
  (`(title || body) @@ query` on wagtailsearch_indexentry; Wagtail's own GIN indexes cover
  `title` and `body` separately, so every search read the whole table). PostgreSQL only: on
  SQLite Wagtail uses FTS5 tables and there is nothing to add.
"""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import cms.blocks
import cms.guide_blocks
import core.models
import core.validators

EDITOR = "Redaktør"
CONSULTANT = "Frivilligkonsulent"
WORKFLOW = "Faglig godkendelse"


def setup(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    for label in ("wagtailcore", "wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editor = Group.objects.get(name=EDITOR)
    consultant = Group.objects.get(name=CONSULTANT)
    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    def page_permission(codename):
        return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)

    grants = {
        editor: ["add_page", "change_page", "lock_page", "unlock_page"],
        consultant: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    for group, codenames in grants.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=page_permission(codename)
            )
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in ("add", "change", "choose"):
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    # The approval workflow for every page in the tree.
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(consultant)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None and not group.user_set.exists():
            for old_task in GroupApprovalTask.objects.filter(groups=group):
                old_task.active = False
                old_task.save(update_fields=["active"])
            Workflow.objects.filter(name=f"{name} approval").update(active=False)
            group.delete()


INDEX = "cms_searchentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("cms", "0001_initial"),
        ("cms", "0002_locales_and_editorial_roles"),
        ("cms", "0003_guides_and_stories"),
        ("cms", "0004_single_line_names"),
        ("cms", "0005_search_title_body_index"),
        ("cms", "0006_topic_moved_to_taxonomy"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("taxonomy", "0001_squashed"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="GuideIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    models.TextField(blank=True, max_length=600, verbose_name="introduction"),
                ),
            ],
            options={
                "verbose_name": "guide index",
                "verbose_name_plural": "guide indexes",
            },
            bases=(
                core.validators.SingleLineTitleMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
            ),
        ),
        migrations.CreateModel(
            name="StandardPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    models.TextField(blank=True, max_length=600, verbose_name="introduction"),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("image", 4),
                            ("quote", 7),
                            ("call_to_action", 13),
                            ("cards", 18),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 120},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Heading 2"), ("h3", "Heading 3")],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                    ],
                                    "label": "Text",
                                    "template": "blocks/paragraph.html",
                                },
                            ),
                            4: (
                                "wagtail.images.blocks.ImageBlock",
                                [],
                                {"label": "Image", "template": "blocks/image.html"},
                            ),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Who said it", "max_length": 120, "required": False},
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 5), ("attribution", 6)]],
                                {},
                            ),
                            8: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Link text", "max_length": 80},
                            ),
                            10: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Page", "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "A path on this site, e.g. /kurser/, or a full address.",
                                    "label": "Or an address",
                                    "max_length": 300,
                                    "required": False,
                                    "validators": [cms.blocks.validate_link_address],
                                },
                            ),
                            12: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 9), ("page", 10), ("url", 11)]],
                                {},
                            ),
                            13: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("text", 8), ("link", 12)]],
                                {},
                            ),
                            14: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 80},
                            ),
                            15: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 14), ("text", 15), ("link", 12)]],
                                {},
                            ),
                            17: (
                                "wagtail.blocks.ListBlock",
                                (16,),
                                {"label": "Cards", "max_num": 6, "min_num": 1},
                            ),
                            18: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("cards", 17)]],
                                {},
                            ),
                        },
                        verbose_name="content",
                    ),
                ),
            ],
            options={
                "verbose_name": "standard page",
                "verbose_name_plural": "standard pages",
            },
            bases=(core.validators.SingleLineTitleMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="StoryIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    models.TextField(blank=True, max_length=600, verbose_name="introduction"),
                ),
            ],
            options={
                "verbose_name": "story index",
                "verbose_name_plural": "story indexes",
            },
            bases=(core.validators.SingleLineTitleMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="GuidePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "audience",
                    core.models.SingleLineField(
                        help_text='Completes the sentence "This guide is for …", e.g. "new board members".',
                        max_length=200,
                        verbose_name="who it is for",
                    ),
                ),
                (
                    "lead",
                    models.TextField(
                        help_text="Two or three sentences: what the guide gives you.",
                        max_length=600,
                        verbose_name="lead",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        help_text="When a subject expert last checked that the guide is correct.",
                        verbose_name="last reviewed",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("checklist", 8),
                            ("steps", 14),
                            ("callout", 16),
                            ("faq", 21),
                            ("template", 24),
                            ("image", 28),
                            ("video", 32),
                            ("quote", 35),
                            ("related_courses", 39),
                        ],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 120},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Heading 2"), ("h3", "Heading 3")],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "label": "Text",
                                    "template": "blocks/paragraph.html",
                                },
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 120},
                            ),
                            5: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Introduction", "max_length": 500, "required": False},
                            ),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Item", "max_length": 300},
                            ),
                            7: ("wagtail.blocks.ListBlock", (6,), {"label": "Items", "min_num": 1}),
                            8: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 4), ("intro", 5), ("items", 7)]],
                                {},
                            ),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 120, "required": False},
                            ),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Step", "max_length": 120},
                            ),
                            11: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "label": "Text",
                                },
                            ),
                            12: ("wagtail.blocks.StructBlock", [[("title", 10), ("text", 11)]], {}),
                            13: (
                                "wagtail.blocks.ListBlock",
                                (12,),
                                {"label": "Steps", "min_num": 2},
                            ),
                            14: ("wagtail.blocks.StructBlock", [[("title", 9), ("steps", 13)]], {}),
                            15: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("tip", "Tip"), ("warning", "Warning")],
                                    "label": "Kind",
                                },
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("kind", 15), ("title", 9), ("text", 11)]],
                                {},
                            ),
                            17: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Question", "max_length": 200},
                            ),
                            18: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "label": "Answer",
                                },
                            ),
                            19: (
                                "wagtail.blocks.StructBlock",
                                [[("question", 17), ("answer", 18)]],
                                {},
                            ),
                            20: (
                                "wagtail.blocks.ListBlock",
                                (19,),
                                {"label": "Questions", "min_num": 1},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 9), ("questions", 20)]],
                                {},
                            ),
                            22: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "File"},
                            ),
                            23: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "What it is for", "max_length": 400, "required": False},
                            ),
                            24: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 4), ("document", 22), ("description", 23)]],
                                {},
                            ),
                            25: ("cms.guide_blocks.GuideImageChooserBlock", (), {"label": "Image"}),
                            26: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "What the image shows, for people who cannot see it.",
                                    "label": "Alternative text",
                                    "max_length": 250,
                                },
                            ),
                            27: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Caption", "max_length": 250, "required": False},
                            ),
                            28: (
                                "wagtail.blocks.StructBlock",
                                [[("image", 25), ("alt_text", 26), ("caption", 27)]],
                                {},
                            ),
                            29: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {
                                    "help_text": "A link to the video on YouTube or Vimeo.",
                                    "label": "Video address",
                                    "validators": [cms.guide_blocks.validate_video_url],
                                },
                            ),
                            30: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Names the video for screen readers.",
                                    "label": "Title",
                                    "max_length": 150,
                                },
                            ),
                            31: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "help_text": "A transcript or a full summary, for people who cannot watch the video.",
                                    "label": "Text version",
                                },
                            ),
                            32: (
                                "wagtail.blocks.StructBlock",
                                [[("url", 29), ("title", 30), ("text_alternative", 31)]],
                                {},
                            ),
                            33: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            34: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Who said it", "max_length": 120, "required": False},
                            ),
                            35: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 33), ("attribution", 34)]],
                                {},
                            ),
                            36: ("cms.guide_blocks.CourseChooserBlock", (), {"label": "Course"}),
                            37: (
                                "wagtail.blocks.ListBlock",
                                (36,),
                                {
                                    "help_text": "Leave empty to show the next upcoming courses that share a topic with the guide.",
                                    "label": "Chosen courses",
                                    "max_num": 6,
                                    "required": False,
                                },
                            ),
                            38: (
                                "wagtail.blocks.IntegerBlock",
                                (),
                                {
                                    "default": 3,
                                    "label": "How many upcoming courses",
                                    "max_value": 6,
                                    "min_value": 1,
                                },
                            ),
                            39: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 9), ("courses", 37), ("limit", 38)]],
                                {},
                            ),
                        },
                        verbose_name="content",
                    ),
                ),
                (
                    "topics",
                    modelcluster.fields.ParentalManyToManyField(
                        help_text="The guide appears on these topics' pages and suggests their courses.",
                        related_name="guides",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
            ],
            options={
                "verbose_name": "guide",
                "verbose_name_plural": "guides",
            },
            bases=(core.validators.SingleLineTitleMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="HomePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "hero_text",
                    models.TextField(
                        help_text="One or two sentences under the page title.",
                        max_length=400,
                        verbose_name="hero text",
                    ),
                ),
                (
                    "hero_link_text",
                    core.models.SingleLineField(
                        blank=True, max_length=60, verbose_name="button text"
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("image", 4),
                            ("quote", 7),
                            ("call_to_action", 13),
                            ("cards", 18),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 120},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Heading 2"), ("h3", "Heading 3")],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                    ],
                                    "label": "Text",
                                    "template": "blocks/paragraph.html",
                                },
                            ),
                            4: (
                                "wagtail.images.blocks.ImageBlock",
                                [],
                                {"label": "Image", "template": "blocks/image.html"},
                            ),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Who said it", "max_length": 120, "required": False},
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 5), ("attribution", 6)]],
                                {},
                            ),
                            8: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Link text", "max_length": 80},
                            ),
                            10: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Page", "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "A path on this site, e.g. /kurser/, or a full address.",
                                    "label": "Or an address",
                                    "max_length": 300,
                                    "required": False,
                                    "validators": [cms.blocks.validate_link_address],
                                },
                            ),
                            12: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 9), ("page", 10), ("url", 11)]],
                                {},
                            ),
                            13: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("text", 8), ("link", 12)]],
                                {},
                            ),
                            14: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 80},
                            ),
                            15: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 14), ("text", 15), ("link", 12)]],
                                {},
                            ),
                            17: (
                                "wagtail.blocks.ListBlock",
                                (16,),
                                {"label": "Cards", "max_num": 6, "min_num": 1},
                            ),
                            18: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("cards", 17)]],
                                {},
                            ),
                        },
                        verbose_name="sections",
                    ),
                ),
                (
                    "hero_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="hero image",
                    ),
                ),
                (
                    "hero_link_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="button links to",
                    ),
                ),
            ],
            options={
                "verbose_name": "home page",
                "verbose_name_plural": "home pages",
            },
            bases=(core.validators.SingleLineTitleMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="SiteContactSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "organisation",
                    core.models.SingleLineField(max_length=120, verbose_name="organisation"),
                ),
                (
                    "department",
                    core.models.SingleLineField(
                        blank=True, max_length=120, verbose_name="department"
                    ),
                ),
                ("address", models.TextField(blank=True, verbose_name="address")),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="phone")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                (
                    "opening_hours",
                    models.CharField(blank=True, max_length=120, verbose_name="telephone hours"),
                ),
                (
                    "about_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="about page",
                    ),
                ),
                (
                    "accessibility_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="accessibility statement",
                    ),
                ),
                (
                    "privacy_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="privacy policy",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "contact details",
            },
        ),
        migrations.CreateModel(
            name="StoryPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "association",
                    core.models.SingleLineField(max_length=150, verbose_name="association"),
                ),
                (
                    "person_name",
                    core.models.SingleLineField(
                        blank=True,
                        help_text="The volunteer's name as shown in the story. Leave empty to leave it out.",
                        max_length=150,
                        verbose_name="name shown",
                    ),
                ),
                ("lead", models.TextField(max_length=600, verbose_name="lead")),
                ("quote", models.TextField(blank=True, max_length=400, verbose_name="quote")),
                (
                    "image_alt",
                    models.CharField(
                        blank=True,
                        help_text="What the photo shows, for people who cannot see it.",
                        max_length=250,
                        verbose_name="alternative text",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("image", 4),
                            ("quote", 7),
                            ("call_to_action", 13),
                            ("cards", 18),
                        ],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 120},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Heading 2"), ("h3", "Heading 3")],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                    ],
                                    "label": "Text",
                                    "template": "blocks/paragraph.html",
                                },
                            ),
                            4: (
                                "wagtail.images.blocks.ImageBlock",
                                [],
                                {"label": "Image", "template": "blocks/image.html"},
                            ),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Who said it", "max_length": 120, "required": False},
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 5), ("attribution", 6)]],
                                {},
                            ),
                            8: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Link text", "max_length": 80},
                            ),
                            10: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Page", "required": False},
                            ),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "A path on this site, e.g. /kurser/, or a full address.",
                                    "label": "Or an address",
                                    "max_length": 300,
                                    "required": False,
                                    "validators": [cms.blocks.validate_link_address],
                                },
                            ),
                            12: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 9), ("page", 10), ("url", 11)]],
                                {},
                            ),
                            13: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("text", 8), ("link", 12)]],
                                {},
                            ),
                            14: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 80},
                            ),
                            15: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Text", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 14), ("text", 15), ("link", 12)]],
                                {},
                            ),
                            17: (
                                "wagtail.blocks.ListBlock",
                                (16,),
                                {"label": "Cards", "max_num": 6, "min_num": 1},
                            ),
                            18: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("cards", 17)]],
                                {},
                            ),
                        },
                        verbose_name="story",
                    ),
                ),
                (
                    "consent_given_by",
                    models.CharField(
                        help_text="The person who agreed (or their parent, for a child).",
                        max_length=150,
                        verbose_name="consent given by",
                    ),
                ),
                ("consent_given_on", models.DateField(verbose_name="consent given on")),
                (
                    "consent_scope",
                    models.CharField(
                        choices=[
                            ("name", "Name"),
                            ("photo", "Photo"),
                            ("name_and_photo", "Name and photo"),
                        ],
                        default="name_and_photo",
                        max_length=16,
                        verbose_name="consent covers",
                    ),
                ),
                (
                    "consent_reference",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the case number of the signed consent form.",
                        max_length=200,
                        verbose_name="where the consent is kept",
                    ),
                ),
                (
                    "consent_withdrawn_on",
                    models.DateField(
                        blank=True,
                        help_text="Saving a date here unpublishes the story in every language at once.",
                        null=True,
                        verbose_name="consent withdrawn on",
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
                        verbose_name="photo",
                    ),
                ),
            ],
            options={
                "verbose_name": "story",
                "verbose_name_plural": "stories",
            },
            bases=(core.validators.SingleLineTitleMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="StoryPageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="cms.storypage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="storypage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="cms.StoryPageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.RunPython(setup, migrations.RunPython.noop),
        migrations.RunPython(create, drop, elidable=False),
    ]
