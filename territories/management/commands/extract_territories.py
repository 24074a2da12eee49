from django.core.management.base import BaseCommand, CommandError

from territories.extract import (
    DATA_DIR,
    ExtractError,
    build_rows,
    find_package_data,
    read_package_version,
    write_extract,
)


class Command(BaseCommand):
    help = (
        "Rebuild the register's extract (territories/data/) from a copy of the "
        "npm package @etalab/decoupage-administratif (npm pack, then untar)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "package",
            help="The unpacked package (with package.json) or its data/ folder.",
        )
        parser.add_argument(
            "--output",
            default=str(DATA_DIR),
            help="Folder to write the extract to (default: %(default)s).",
        )
        parser.add_argument(
            "--package-version",
            default="",
            help="Version of the package, when package.json is not beside data/.",
        )

    def handle(self, *args, **options):
        try:
            data_dir = find_package_data(options["package"])
            version = options["package_version"] or read_package_version(data_dir)
            license_path = data_dir.parent / "LICENSE"
            if not license_path.is_file():
                raise ExtractError(f"No LICENSE beside {data_dir}.")
            rows = build_rows(data_dir)
            source = write_extract(
                rows, options["output"], version=version, license_path=license_path
            )
        except ExtractError as error:
            raise CommandError(str(error)) from error

        counts = ", ".join(f"{kind} {n}" for kind, n in source["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Extract of {source['package']} {source['version']} written to "
                f"{options['output']}: {counts}."
            )
        )
