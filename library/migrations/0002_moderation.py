"""Create the library's moderation workflow and give moderators what they need.

Groups are looked up by name and created if missing, so that this migration
and the one that sets up the site's roles may run in either order.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Modérateurs"
WORKFLOW = "Modération de la bibliothèque"
TASK = "Validation par les modérateurs"

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("library", "updatesuggestion", "view_updatesuggestion"),
    ("library", "updatesuggestion", "change_updatesuggestion"),
    ("library", "projectproposal", "view_projectproposal"),
]


def create_moderation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    # The permissions of this app's models are normally created after all
    # migrations have run; they are needed now.
    library_config = apps.get_app_config("library")
    library_config.models_module = True
    create_permissions(library_config, apps=apps, verbosity=0)

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for app_label, model, codename in MODERATOR_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=codename,
        ).first()
        if permission is not None:
            moderators.permissions.add(permission)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK, content_type=task_type, active=True
        )
    task.groups.add(moderators)

    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_moderation, migrations.RunPython.noop)]
