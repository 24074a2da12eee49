"""Time the loading of the whole register of local authorities.

Prints the time of a first load into an empty register, of a reload of the
same extract (skipped by its checksum) and of a forced reload. It works on a
throwaway database created beside the one DATABASE_URL names (as the test
suite does), so the site's own data are never touched:

    .venv/bin/python bench/load_territories.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ia_territoires \
        .venv/bin/python bench/load_territories.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# Debug mode keeps every query in memory, which would weigh on the timings.
os.environ.setdefault("DJANGO_DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from territories.loading import load_register  # noqa: E402
from territories.models import Collectivity, Postcode  # noqa: E402


def timed(function, **kwargs):
    start = time.perf_counter()
    result = function(**kwargs)
    return result, time.perf_counter() - start


def main():
    with tempfile.TemporaryDirectory(prefix="bench-territories-") as folder:
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            # A file, as in use, rather than the in-memory test database.
            test_settings["NAME"] = str(Path(folder) / "bench.sqlite3")
        else:
            test_settings["NAME"] = f"bench_{connection.settings_dict['NAME']}"
        print(f"Creating a throwaway {connection.vendor} database...")
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            report, first = timed(load_register)
            rows = Collectivity.objects.count()
            postcodes = Postcode.objects.count()
            _, unchanged = timed(load_register)
            _, forced = timed(load_register, force=True)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"Register: {report.source}, {rows} collectivities, {postcodes} postcodes")
    print(f"First load:           {first:6.2f} s")
    print(f"Reload, unchanged:    {unchanged:6.2f} s (skipped by checksum)")
    print(f"Reload, forced:       {forced:6.2f} s")


if __name__ == "__main__":
    main()
