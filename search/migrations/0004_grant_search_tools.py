"""Give the association's staff the editors' search tools.

Editors manage promoted search results; editors, moderators and
administrators read the search reports (frequent queries, queries without
result). The groups are those of the site's roles.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTS = "search.view_search_reports"
PROMOTIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
]
GRANTS = {
    "Éditeurs": [REPORTS, *PROMOTIONS],
    "Modérateurs": [REPORTS],
    "Administrateurs": [REPORTS, *PROMOTIONS],
}


def permissions(apps, names):
    """The permissions named, created now if Django has not created them yet."""
    for app_label in {name.split(".")[0] for name in names}:
        create_permissions(
            global_apps.get_app_config(app_label), apps=apps, verbosity=0
        )
    Permission = apps.get_model("auth", "Permission")
    for name in names:
        app_label, codename = name.split(".")
        yield Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, names in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*permissions(apps, names))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions(apps, GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_indexes"),
        ("home", "0003_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
