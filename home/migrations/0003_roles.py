"""The three roles of the association's staff, as permission groups.

Wagtail's first migrations create English "Editors" and "Moderators" groups
with a default set of permissions; they are renamed to the roles of this site
and given exactly the permissions below. Other apps add the permissions of
their own models to these groups, by name, in migrations that depend on this
one.

- Éditeurs write and publish pages (manifesto, library, standard pages),
  manage images, documents and redirects.
- Modérateurs review what the public submits: they can open and correct pages
  submitted to them and approve them in the moderation workflow, without
  publishing pages of their own.
- Administrateurs manage users, groups, sites, workflows and the site
  settings, on top of everything editors can do.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
ADMINISTRATORS = "Administrateurs"

# Wagtail's default groups, and the default workflow built on "Moderators".
WAGTAIL_GROUP_NAMES = {"Editors": EDITORS, "Moderators": MODERATORS}
WAGTAIL_WORKFLOW_NAME = "Moderators approval"
WORKFLOW_NAME = "Validation par les modérateurs"

# Apps whose permissions this migration manages; permissions of other apps,
# added by their own migrations, are left alone.
MANAGED_APPS = [
    "auth",
    "home",
    "wagtailadmin",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
]

MEDIA = ["add", "change", "choose", "delete"]

ROLES = {
    EDITORS: {
        "model": [
            "wagtailadmin.access_admin",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [
            *(f"wagtailimages.{action}_image" for action in MEDIA),
            *(f"wagtaildocs.{action}_document" for action in MEDIA),
            "wagtailcore.add_collection",
            "wagtailcore.change_collection",
        ],
    },
    MODERATORS: {
        "model": ["wagtailadmin.access_admin"],
        "page": ["change_page"],
        "collection": [
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ],
    },
    ADMINISTRATORS: {
        "model": [
            "wagtailadmin.access_admin",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "home.change_sitesettings",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "wagtailcore.add_site",
            "wagtailcore.change_site",
            "wagtailcore.delete_site",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.delete_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "wagtailcore.delete_task",
        ],
        "page": [
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ],
        "collection": [
            *(f"wagtailimages.{action}_image" for action in MEDIA),
            *(f"wagtaildocs.{action}_document" for action in MEDIA),
            "wagtailcore.add_collection",
            "wagtailcore.change_collection",
            "wagtailcore.delete_collection",
        ],
    },
}


def ensure_permissions_exist(apps):
    """Create the permissions of the managed apps now, not after migrating.

    Django creates permissions once every migration has run; this migration
    needs them while it runs.
    """
    for app_label in MANAGED_APPS:
        create_permissions(
            global_apps.get_app_config(app_label), apps=apps, verbosity=0
        )


def get_permission(apps, dotted_name):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def adopt_wagtail_groups(apps):
    """Rename Wagtail's default groups, merging them into ours if both exist."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for old_name, new_name in WAGTAIL_GROUP_NAMES.items():
        old_group = Group.objects.filter(name=old_name).first()
        if old_group is None:
            continue
        new_group = Group.objects.filter(name=new_name).first()
        if new_group is None:
            old_group.name = new_name
            old_group.save(update_fields=["name"])
            continue
        new_group.user_set.add(*old_group.user_set.all())
        for task in GroupApprovalTask.objects.filter(groups=old_group):
            task.groups.add(new_group)
        old_group.delete()


def rename_default_workflow(apps):
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task.objects.filter(name=WAGTAIL_WORKFLOW_NAME).update(name=WORKFLOW_NAME)
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW_NAME).update(name=WORKFLOW_NAME)


def grant_role(apps, group, role):
    """Give ``group`` exactly the managed permissions of ``role``."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    group.permissions.remove(
        *group.permissions.filter(content_type__app_label__in=MANAGED_APPS)
    )
    group.permissions.add(*(get_permission(apps, name) for name in role["model"]))

    GroupPagePermission.objects.filter(group=group).delete()
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    for codename in role["page"]:
        GroupPagePermission.objects.create(
            group=group,
            page=root_page,
            permission=get_permission(apps, f"wagtailcore.{codename}"),
        )

    GroupCollectionPermission.objects.filter(group=group).delete()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for name in role["collection"]:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root_collection,
            permission=get_permission(apps, name),
        )


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ensure_permissions_exist(apps)
    adopt_wagtail_groups(apps)
    rename_default_workflow(apps)
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        grant_role(apps, group, role)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_home_page"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
