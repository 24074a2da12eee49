"""Load the demo content of every app, in dependency order.

Each app keeps its demo content in a function of its own (``<app>/demo.py``)
and adds one line to ``DEMO_LOADERS``. Every loader must be idempotent:
running the command twice changes nothing and duplicates nothing.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

DEMO_LOADERS = [
    "home.demo.load_demo_content",
    "manifesto.demo.load_demo_content",
    "library.demo.load_demo_content",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration, sans rien dupliquer."

    def handle(self, *args, **options):
        for dotted_path in DEMO_LOADERS:
            app_name = dotted_path.split(".", 1)[0]
            if not apps.is_installed(app_name):
                continue
            loader = import_string(dotted_path)
            with transaction.atomic():
                loader()
            self.stdout.write(f"Contenu de démonstration chargé : {app_name}")
