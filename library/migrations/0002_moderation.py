"""Create the library's moderation workflow and give each role its permissions.

Runs after the migration that sets up the site's roles and finds their groups
by name (creating one if it was removed since). Editors curate the library's
vocabularies; moderators handle what visitors send.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
ADMINISTRATORS = "Administrateurs"
WORKFLOW = "Modération de la bibliothèque"
TASK = "Relecture des projets proposés"

VOCABULARIES = ["theme", "aicapability", "partnerorganisation"]
CURATION = [
    f"{action}_{model}" for model in VOCABULARIES for action in ("add", "change", "delete")
]
MODERATION = [
    "view_updatesuggestion",
    "change_updatesuggestion",
    "view_projectproposal",
    # Moderators complete proposals with the organisations named in them.
    "add_partnerorganisation",
    "change_partnerorganisation",
]
ROLES = {
    EDITORS: CURATION,
    MODERATORS: MODERATION,
    ADMINISTRATORS: sorted({*CURATION, *MODERATION}),
}


def create_moderation(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    # Django creates permissions once every migration has run; they are
    # needed now.
    create_permissions(global_apps.get_app_config("library"), apps=apps, verbosity=0)

    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="library", codename__in=codenames
            )
        )
    moderators = Group.objects.get(name=MODERATORS)

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
        ("home", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_moderation, migrations.RunPython.noop)]
