"""Fill the browser tests' database and static folder, in a process of its own.

Run by ``tests.browser.server`` before the server starts, with the settings
of ``tests.browser.settings``::

    python -m tests.browser.prepare

It migrates the empty database, loads the register of collectivities and the
demo content of every app (as ``make run`` does), adds the accounts that the
journeys log in with, and collects the static files.
"""

import os

import django

MODERATOR_USERNAME = "moderatrice"
MODERATOR_PASSWORD = "moderation-pour-les-tests"
MODERATORS_GROUP = "Modérateurs"


def create_moderator():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    moderator = User.objects.create_user(
        username=MODERATOR_USERNAME,
        email="moderation@ia-territoires.example",
        password=MODERATOR_PASSWORD,
        first_name="Modératrice",
        last_name="Exemple",
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.browser.settings")
    django.setup()

    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_territories", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    create_moderator()
    call_command("collectstatic", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
