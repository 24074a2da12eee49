"""Tell the developer where the admin is and how to log in with the demo account.

Only development settings define the demo account; elsewhere the command
prints no address and no credentials.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Affiche l'adresse du site, de l'administration et l'identifiant du "
        "compte de démonstration (réglages de développement uniquement)."
    )

    def handle(self, *args, **options):
        username = getattr(settings, "DEMO_ADMIN_USERNAME", None)
        password = getattr(settings, "DEMO_ADMIN_PASSWORD", None)
        if not username or not password:
            raise CommandError(
                "Ces réglages ne définissent pas de compte de démonstration : "
                "rien à afficher."
            )

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"Le compte de démonstration « {username} » n'existe pas encore : "
                "lancez d'abord « manage.py load_demo_content »."
            )

        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            "",
            f"Site : {base_url}/",
            f"Administration : {base_url}{reverse('wagtailadmin_home')}",
            f"Identifiant : {username}",
        ]
        if user.check_password(password):
            lines.append(f"Mot de passe : {password}")
        else:
            lines.append("Mot de passe : celui que vous avez choisi (modifié depuis).")
        lines += [
            "Ce compte de démonstration n'existe qu'avec les réglages de "
            "développement.",
            "",
        ]
        self.stdout.write("\n".join(lines))
