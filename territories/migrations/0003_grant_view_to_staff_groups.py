"""Let the association's staff browse the register in the admin.

The groups are looked up, or created, by name, so that this migration and the
one that sets the groups' other permissions may run in either order.
"""

from django.db import migrations

STAFF_GROUPS = ["Éditeurs", "Modérateurs", "Administrateurs"]


def view_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="territories", model="collectivity"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_collectivity",
        defaults={"name": "Can view collectivité"},
    )
    return permission


def grant_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = view_permission(apps)
    for name in STAFF_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = view_permission(apps)
    for group in Group.objects.filter(name__in=STAFF_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("territories", "0002_collectivity_code_index"),
    ]

    operations = [migrations.RunPython(grant_view, revoke_view)]
