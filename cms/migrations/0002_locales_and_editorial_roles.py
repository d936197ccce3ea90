"""English as a second content language, and what the editorial roles may do with pages.

- Redaktør writes and edits pages and submits them for approval.
- Frivilligkonsulent may also publish, and approves submissions in the workflow
  "Faglig godkendelse", which replaces Wagtail's default "Moderators approval".
- Both may add and use images and documents.
Wagtail's default "Editors" and "Moderators" groups are removed when nobody is in them, so
staff see only our roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
