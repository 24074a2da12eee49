"""Give the association's roles their permissions on signatures.

Modérateurs see, correct and decide on signatures; Administrateurs may also
delete them. Éditeurs get nothing here: signatures hold contact details that
editing pages does not need.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Modérateurs": ["view_signature", "change_signature", "moderate_signature"],
    "Administrateurs": [
        "view_signature",
        "change_signature",
        "delete_signature",
        "moderate_signature",
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after every migration has run.
    create_permissions(global_apps.get_app_config("manifesto"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="manifesto", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="manifesto", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_roles"),
        ("manifesto", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
