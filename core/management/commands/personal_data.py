import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from core import personal_data


class Command(BaseCommand):
    help = (
        "Répond à une demande d'accès ou d'effacement : « export ADRESSE » "
        "affiche en JSON tout ce que le site garde sur cette adresse ; "
        "« erase ADRESSE » efface la personne, en gardant la signature "
        "publique de la collectivité sans son nom ni son adresse."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email", help="Adresse électronique de la personne.")

    def handle(self, *args, action, email, **options):
        email = personal_data.normalise(email)
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Adresse invalide : {email!r}") from error

        if action == "export":
            data = {"adresse": email, "donnees": personal_data.export(email)}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return

        counts = personal_data.erase(email)
        for provider, by_kind in counts.items():
            for kind, number in by_kind.items():
                self.stdout.write(f"{provider}.{kind} : {number}")
