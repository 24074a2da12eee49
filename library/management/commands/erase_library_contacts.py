from django.core.management.base import BaseCommand

from library import services


class Command(BaseCommand):
    help = (
        "Efface les coordonnées des auteurs de propositions et de suggestions "
        "au-delà du délai de conservation."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=services.CONTACT_RETENTION_MONTHS,
            help=(
                "Délai de conservation en mois ; le même que celui annoncé sur "
                "la page des données personnelles (%(default)s par défaut)."
            ),
        )

    def handle(self, *args, months, **options):
        proposals, suggestions = services.erase_old_contacts(months)
        self.stdout.write(
            f"Coordonnées effacées : {proposals} proposition(s), "
            f"{suggestions} suggestion(s)."
        )
