"""The register's extract: what the site keeps of Etalab's "découpage administratif".

The npm package ``@etalab/decoupage-administratif`` publishes the official
register as JSON files (about 13 MB). The site keeps a compact, diffable CSV of
what it uses, one row a collectivity, in ``territories/data/``, next to the
package's licence and a note of its origin. ``manage.py extract_territories``
rebuilds these files from a newer copy of the package; ``manage.py
load_territories`` loads them into the database.

What the package lacks is derived here: the population of a département or a
région is the sum of its communes'; an EPCI or an EPT takes the département
(and its région) where most of its members' population lives. Overseas
collectivities (Saint-Pierre-et-Miquelon, Polynésie française...) are neither
départements nor régions: their communes are kept, without either.
"""

import csv
import json
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
EXTRACT_FILE = "collectivities.csv"
SOURCE_FILE = "source.json"
LICENSE_FILE = "LICENSE"
NOTE_FILE = "README.md"

PACKAGE_NAME = "@etalab/decoupage-administratif"
PACKAGE_URL = "https://www.npmjs.com/package/@etalab/decoupage-administratif"

COLUMNS = [
    "kind",
    "code",
    "siren",
    "name",
    "departement",
    "region",
    "population",
    "postcodes",
]

COMMUNE_KINDS = {
    "commune-actuelle": "commune",
    "commune-deleguee": "commune-deleguee",
    "commune-associee": "commune-associee",
    "arrondissement-municipal": "arrondissement-municipal",
}
GROUPING_KINDS = {
    "CC": "cc",
    "CA": "ca",
    "CU": "cu",
    "METRO": "metropole",
    "MET69": "metropole",
    "EPT": "ept",
}
# Zones of the package whose départements and régions are ones in law;
# "com" holds the overseas collectivities.
DEPARTEMENT_ZONES = {"metro", "drom"}
KIND_ORDER = [
    "region",
    "departement",
    "metropole",
    "cu",
    "ca",
    "cc",
    "ept",
    *COMMUNE_KINDS.values(),
]


class ExtractError(Exception):
    """The package's data is missing or not shaped as expected."""


@dataclass
class Row:
    """One collectivity of the extract."""

    kind: str
    code: str
    name: str
    siren: str = ""
    departement: str = ""
    region: str = ""
    population: int | None = None
    postcodes: list = field(default_factory=list)

    def as_csv(self):
        return {
            "kind": self.kind,
            "code": self.code,
            "siren": self.siren,
            "name": self.name,
            "departement": self.departement,
            "region": self.region,
            "population": "" if self.population is None else self.population,
            "postcodes": " ".join(self.postcodes),
        }

    @classmethod
    def from_csv(cls, record):
        population = record["population"].strip()
        return cls(
            kind=record["kind"].strip(),
            code=record["code"].strip(),
            siren=record["siren"].strip(),
            name=record["name"].strip(),
            departement=record["departement"].strip(),
            region=record["region"].strip(),
            population=int(population) if population else None,
            postcodes=record["postcodes"].split(),
        )


def find_package_data(path):
    """The package's ``data`` folder, given the package or the folder itself."""
    path = Path(path)
    for candidate in (path / "data", path):
        if (candidate / "communes.json").is_file():
            return candidate
    raise ExtractError(f"No communes.json in {path} nor in {path / 'data'}.")


def read_package_version(data_dir):
    package_json = data_dir.parent / "package.json"
    if not package_json.is_file():
        return ""
    return json.loads(package_json.read_text(encoding="utf-8")).get("version", "")


def build_rows(data_dir):
    """The extract's rows, from the JSON files of the package's data folder."""
    data_dir = Path(data_dir)

    def read(name):
        try:
            return json.loads((data_dir / name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ExtractError(f"Cannot read {data_dir / name}: {error}") from error

    regions = [r for r in read("regions.json") if r["zone"] in DEPARTEMENT_ZONES]
    departements = [
        d for d in read("departements.json") if d["zone"] in DEPARTEMENT_ZONES
    ]
    region_codes = {region["code"] for region in regions}
    region_of = {d["code"]: d["region"] for d in departements}

    communes = []
    for entry in read("communes.json"):
        kind = COMMUNE_KINDS.get(entry["type"])
        if kind is None:
            raise ExtractError(f"Unknown type of commune: {entry['type']!r}.")
        departement = entry.get("departement", "")
        if departement not in region_of:
            departement = ""
        communes.append(
            Row(
                kind=kind,
                code=entry["code"],
                siren=entry.get("siren", ""),
                name=entry["nom"],
                departement=departement,
                region=region_of.get(departement, ""),
                population=entry.get("population"),
                postcodes=sorted(set(entry.get("codesPostaux", []))),
            )
        )

    departement_of_commune = {}
    population = Counter()
    for row in communes:
        if row.kind == "commune":
            departement_of_commune[row.code] = row.departement
            population[row.departement] += row.population or 0
            population["region", row.region] += row.population or 0

    groupings = []
    for entry in [*read("epci.json"), *read("ept.json")]:
        kind = GROUPING_KINDS.get(entry["type"])
        if kind is None:
            raise ExtractError(f"Unknown type of EPCI: {entry['type']!r}.")
        departement = _main_departement(entry["membres"], departement_of_commune)
        groupings.append(
            Row(
                kind=kind,
                code=entry["code"],
                siren=entry["code"],
                name=entry["nom"],
                departement=departement,
                region=region_of.get(departement, ""),
                population=entry.get("populationMunicipale"),
            )
        )

    rows = [
        Row(
            kind="region",
            code=region["code"],
            name=region["nom"],
            region=region["code"],
            population=population["region", region["code"]],
        )
        for region in regions
    ]
    rows += [
        Row(
            kind="departement",
            code=departement["code"],
            name=departement["nom"],
            departement=departement["code"],
            region=departement["region"],
            population=population[departement["code"]],
        )
        for departement in departements
        if departement["region"] in region_codes
    ]
    rows += groupings + communes
    rows.sort(key=lambda row: (KIND_ORDER.index(row.kind), row.code))
    return rows


def _main_departement(members, departement_of_commune):
    """The département where most of the members' population lives."""
    population = defaultdict(int)
    for member in members:
        departement = departement_of_commune.get(member["code"], "")
        if departement:
            population[departement] += member.get("populationMunicipale") or 0
    if not population:
        return ""
    # Ties, if any, go to the lowest code, so that the extract is stable.
    return min(population, key=lambda code: (-population[code], code))


def write_extract(rows, destination, *, version, license_path, extracted_on=None):
    """Write the CSV, the source, the licence and the origin note."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    extracted_on = extracted_on or date.today()

    with (destination / EXTRACT_FILE).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(row.as_csv() for row in rows)

    counts = Counter(row.kind for row in rows)
    source = {
        "package": PACKAGE_NAME,
        "version": version,
        "url": PACKAGE_URL,
        "licence": "MIT",
        "extracted_on": extracted_on.isoformat(),
        "counts": dict(sorted(counts.items(), key=lambda i: KIND_ORDER.index(i[0]))),
    }
    (destination / SOURCE_FILE).write_text(
        json.dumps(source, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if Path(license_path).resolve() != (destination / LICENSE_FILE).resolve():
        shutil.copyfile(license_path, destination / LICENSE_FILE)
    (destination / NOTE_FILE).write_text(origin_note(source), encoding="utf-8")
    return source


def origin_note(source):
    """The human-readable note kept next to the extract."""
    counts = ", ".join(f"{kind} {count}" for kind, count in source["counts"].items())
    return (
        "# Register of French local authorities\n\n"
        f"`{EXTRACT_FILE}` is extracted from the npm package `{source['package']}` "
        f"version {source['version'] or '?'} ({source['url']}), published by "
        f"Etalab under the MIT licence (see `{LICENSE_FILE}`), on "
        f"{source['extracted_on']} by `manage.py extract_territories`. "
        f"`{SOURCE_FILE}` records the same facts for `manage.py "
        "load_territories`.\n\n"
        "One row a collectivity: kind, official code, SIREN, name, département, "
        "région, population, postcodes (space-separated). The population of "
        "départements and régions is the sum of their communes'; the "
        "département of an EPCI or an EPT is the one where most of its members' "
        "population lives. Overseas collectivities are neither départements "
        "nor régions: their communes have neither.\n\n"
        f"Rows by kind: {counts}.\n"
    )


def read_rows(path):
    """The rows of an extract CSV."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = set(COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise ExtractError(f"{path} lacks the columns {sorted(missing)}.")
        return [Row.from_csv(record) for record in reader]


def read_source(directory):
    """The source facts written next to an extract, or an empty dict."""
    path = Path(directory) / SOURCE_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
