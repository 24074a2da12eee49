from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from library.models import LibraryIndexPage
from library.opendata.importing import FORMATS, Action, import_projects


class Command(BaseCommand):
    help = (
        "Importe des projets depuis un fichier CSV ou JSON au format des "
        "données ouvertes de la bibliothèque : crée les projets nouveaux, met "
        "à jour ceux dont l'identifiant (slug) existe. Un fichier qui contient "
        "la moindre erreur ne modifie rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Le fichier à importer (.csv ou .json).")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="Le format du fichier, s'il ne se déduit pas de son extension.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vérifie le fichier et dit ce qu'il changerait, sans rien modifier.",
        )

    def handle(self, *args, file, format=None, dry_run=False, **options):
        file_format = format or Path(file).suffix.lower().lstrip(".")
        if file_format not in FORMATS:
            raise CommandError(
                _("Format inconnu : précisez --format csv ou --format json.")
            )
        library = LibraryIndexPage.objects.first()
        if library is None:
            raise CommandError(
                _(
                    "Le site n'a pas de bibliothèque : créez d'abord la page "
                    "« Bibliothèque de projets »."
                )
            )

        report = import_projects(file, file_format, library, dry_run=dry_run)

        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.problems:
            raise CommandError(
                _("%(count)d erreur(s) : aucun projet n'a été modifié.")
                % {"count": len(report.problems)}
            )
        counts = {
            "created": report.count(Action.CREATE),
            "updated": report.count(Action.UPDATE),
            "unchanged": report.count(Action.UNCHANGED),
            "organisations": len(report.new_organisations),
        }
        if dry_run:
            message = _(
                "Vérification terminée, rien n'a été modifié : %(created)d "
                "projet(s) à créer, %(updated)d à mettre à jour, %(unchanged)d "
                "inchangé(s), %(organisations)d organisation(s) partenaire(s) "
                "à créer."
            )
        else:
            message = _(
                "Import terminé : %(created)d projet(s) créé(s), %(updated)d mis "
                "à jour, %(unchanged)d inchangé(s), %(organisations)d "
                "organisation(s) partenaire(s) créée(s)."
            )
        self.stdout.write(message % counts)
