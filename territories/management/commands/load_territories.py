from django.core.management.base import BaseCommand, CommandError

from territories.extract import ExtractError
from territories.loading import DEFAULT_EXTRACT, load_register


class Command(BaseCommand):
    help = (
        "Load the register of local authorities from its extract. Does nothing "
        "when that extract is the one loaded last, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--extract",
            default=str(DEFAULT_EXTRACT),
            help="The extract CSV to load (default: %(default)s).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when the extract has not changed since the last load.",
        )

    def handle(self, *args, **options):
        try:
            report = load_register(options["extract"], force=options["force"])
        except (OSError, ExtractError) as error:
            raise CommandError(f"Cannot load {options['extract']}: {error}") from error

        counts = ", ".join(f"{kind} {n}" for kind, n in report.counts.items())
        if report.skipped:
            self.stdout.write(
                f"Register already loaded from {report.source} ({counts}); "
                "nothing to do (--force reloads it)."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Register loaded from {report.source}: {counts}. "
                f"{report.created} new, {report.retired} no longer current; "
                f"postcodes: {report.postcodes_added} added, "
                f"{report.postcodes_removed} removed."
            )
        )
