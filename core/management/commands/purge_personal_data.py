from django.core.management.base import BaseCommand

from core import personal_data


class Command(BaseCommand):
    help = (
        "Efface les données personnelles au-delà des délais de conservation "
        "fixés dans les paramètres du site : signatures non confirmées, "
        "coordonnées des signataires et des auteurs de propositions ou de "
        "suggestions. Peut être lancée chaque jour sans risque."
    )

    def handle(self, *args, **options):
        policy = personal_data.RetentionPolicy.from_site_settings()
        counts = personal_data.purge(policy)
        self.stdout.write(
            f"Délais : {policy.unconfirmed_retention_days} jour(s) pour les "
            f"demandes non confirmées, {policy.contact_retention_months} mois "
            "pour les coordonnées."
        )
        for provider, by_kind in counts.items():
            for kind, number in by_kind.items():
                self.stdout.write(f"{provider}.{kind} : {number}")
