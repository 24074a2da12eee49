"""Importing projects from the open data's CSV or JSON with `import_projects`."""

import csv
import datetime
import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from library.models import PartnerOrganisation, ProjectPage, ProjectPartner
from library.opendata import record
from territories.models import Collectivity
from tests.factories import make_collectivity, make_region

from .builders import (
    fill_every_field,
    make_capability,
    make_organisation,
    make_project,
    make_theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(db):
    return {
        "water": make_theme("Eau et assainissement"),
        "energy": make_theme("Énergie et bâtiments"),
        "vision": make_capability("Vision par ordinateur"),
        "forecasting": make_capability("Prévision"),
    }


@pytest.fixture
def brittany(db):
    return Collectivity.objects.create(
        name="Bretagne",
        kind=Collectivity.Kind.REGION,
        code="53",
        region=make_region("53", "Bretagne"),
    )


@pytest.fixture
def catalogue(library_index, vocabularies, brittany):
    """Published projects using every importable field, some with tricky text."""
    full = make_project(
        library_index,
        "Détection des fuites d'eau",
        themes=[vocabularies["water"], vocabularies["energy"]],
        capabilities=[vocabularies["vision"], vocabularies["forecasting"]],
        publish=False,
    )
    fill_every_field(full)
    full.documents = []
    full.summary = "=SOMME(A1:A3) des fuites, en une phrase"
    full.contact_role = "-Service de l'eau-"
    full.beneficiaries = "'Les abonnés', entre apostrophes"
    full.lessons_learned = 'Deux lignes\navec "guillemets" | une barre, et @ici.'
    full.next_review_date = datetime.date(2027, 5, 31)
    full.save_revision().publish()

    regional = make_project(
        library_index,
        "Assistant des lycées",
        themes=[vocabularies["energy"]],
        lead_collectivity=brittany,
        is_fictional_example=True,
        phase="idee",
        system_kind="generatif",
        publish=False,
    )
    regional.partners.add(
        ProjectPartner(
            organisation=make_organisation(
                "Atelier numérique (exemple)", "association"
            ),
            role="Ateliers avec les élèves",
        )
    )
    PartnerOrganisation.objects.filter(name="Atelier numérique (exemple)").update(
        website="https://atelier.example.org"
    )
    regional.save_revision().publish()

    make_project(library_index, "Projet minimal", themes=[vocabularies["water"]])

    # Published long ago, updated since, to the microsecond.
    for number, page in enumerate(ProjectPage.objects.all()):
        ProjectPage.objects.filter(pk=page.pk).update(
            first_published_at=datetime.datetime(
                2023, 1 + number, 10, 9, 30, 15, 123456, tzinfo=datetime.UTC
            ),
            last_published_at=datetime.datetime(
                2024, 2 + number, 20, 16, 45, 5, 654321, tzinfo=datetime.UTC
            ),
        )
    return library_index


def export(client, library_index, extension):
    response = client.get(f"{library_index.url}projets.{extension}")
    assert response.status_code == 200
    return response.content.decode()


def projects_of(json_text):
    return json.loads(json_text)["projets"]


def write_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def empty_the_library():
    """Remove every project and partner organisation, as on a new site."""
    for page in ProjectPage.objects.all():
        page.delete()
    PartnerOrganisation.objects.all().delete()


def run_import(path, *options):
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_projects", path, *options, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return False, stdout.getvalue(), stderr.getvalue() + str(error)
    return True, stdout.getvalue(), stderr.getvalue()


def csv_lines(rows, names=record.NAMES):
    """A CSV file of ``rows`` (dicts by public name), cells as given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(row.get(name, "") for name in names)
    return buffer.getvalue()


def new_row(**changes):
    row = {
        "slug": "prevision-des-crues",
        "titre": "Prévision des crues",
        "resume": "Prévoir les crues du Touch trois jours à l'avance.",
        "exemple_fictif": "oui",
        "collectivite_porteuse": "213102544",
        "themes": "eau-et-assainissement",
        "phase": "experimentation",
        "probleme": "Des crues soudaines.",
        "budget": "10k-50k",
        "duree_mise_en_place": "non-communique",
        "nature_systeme": "apprentissage-automatique",
        "donnees_personnelles": "non",
        "hebergement": "non-renseigne",
        "base_legale": "sans-objet",
        "analyse_impact": "non-requise",
    }
    for criterion in record.FIELDS:
        if criterion.name.startswith("evaluation_") and not criterion.name.endswith(
            "_preuves"
        ):
            row[criterion.name] = "non-renseigne"
    row.update(changes)
    return row


# ----- Round trip -----


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_an_export_imported_into_an_empty_site_exports_identically(
    client, catalogue, tmp_path, extension
):
    """Export, empty the library, import the file: the new export is the same."""
    csv_before = export(client, catalogue, "csv")
    json_before = export(client, catalogue, "json")
    path = write_file(
        tmp_path,
        f"projets.{extension}",
        csv_before if extension == "csv" else json_before,
    )
    empty_the_library()
    assert not ProjectPage.objects.exists()

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    assert "3 projet(s) créé(s)" in output
    assert "2 organisation(s) partenaire(s) créée(s)" in output
    assert export(client, catalogue, "csv") == csv_before
    assert projects_of(export(client, catalogue, "json")) == projects_of(json_before)
    assert all(page.live for page in ProjectPage.objects.all())


def test_the_neutralisation_of_formulas_is_undone_exactly(client, catalogue, tmp_path):
    """Cells written with a leading apostrophe are read back as they were."""
    exported = export(client, catalogue, "csv")
    assert "'=SOMME(A1:A3)" in exported
    assert "''Les abonnés'" in exported
    empty_the_library()

    run_import(write_file(tmp_path, "projets.csv", exported))

    page = ProjectPage.objects.get(slug="détection-des-fuites-deau")
    assert page.summary == "=SOMME(A1:A3) des fuites, en une phrase"
    assert page.contact_role == "-Service de l'eau-"
    assert page.beneficiaries == "'Les abonnés', entre apostrophes"
    assert (
        page.lessons_learned == 'Deux lignes\navec "guillemets" | une barre, et @ici.'
    )


def test_reimporting_an_unchanged_export_writes_nothing(client, catalogue, tmp_path):
    """Projects whose record would not change get no new revision."""
    path = write_file(tmp_path, "projets.csv", export(client, catalogue, "csv"))
    revisions = Revision.objects.count()

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    assert "0 projet(s) créé(s), 0 mis à jour, 3 inchangé(s)" in output
    assert Revision.objects.count() == revisions


# ----- Updates -----


def test_a_known_slug_updates_its_project_as_a_new_published_revision(
    client, catalogue, tmp_path
):
    projects = projects_of(export(client, catalogue, "json"))
    minimal = next(item for item in projects if item["titre"] == "Projet minimal")
    minimal["titre"] = "Projet minimal, complété"
    minimal["themes"] = ["energie-et-batiments", "eau-et-assainissement"]
    minimal["liens"] = [{"intitule": "Bilan", "url": "https://example.org/bilan"}]
    minimal["date_mise_a_jour"] = "2001-01-01T00:00:00+01:00"
    path = write_file(tmp_path, "maj.json", json.dumps([minimal]))
    page = ProjectPage.objects.get(slug=minimal["slug"])
    revisions = page.revisions.count()
    before = timezone.now()

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    assert "0 projet(s) créé(s), 1 mis à jour, 0 inchangé(s)" in output
    page.refresh_from_db()
    assert page.title == "Projet minimal, complété"
    assert sorted(theme.slug for theme in page.themes.all()) == [
        "eau-et-assainissement",
        "energie-et-batiments",
    ]
    assert [(link.label, link.url) for link in page.links.all()] == [
        ("Bilan", "https://example.org/bilan")
    ]
    assert page.revisions.count() == revisions + 1
    assert page.live_revision == page.latest_revision
    assert page.live_revision.user is None
    assert page.last_published_at >= before
    assert page.first_published_at.year == 2023
    publication = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    assert publication.latest("timestamp").user is None


def test_a_json_row_updates_only_the_fields_it_holds(client, catalogue, tmp_path):
    page = ProjectPage.objects.get(title="Détection des fuites d'eau")
    path = write_file(
        tmp_path,
        "partiel.json",
        json.dumps({"projets": [{"slug": page.slug, "phase": "en-production"}]}),
    )

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    page.refresh_from_db()
    assert page.phase == "en-production"
    assert page.summary == "=SOMME(A1:A3) des fuites, en une phrase"
    assert page.partners.count() == 1


def test_a_csv_with_some_columns_updates_those_fields_only(catalogue, tmp_path):
    page = ProjectPage.objects.get(title="Détection des fuites d'eau")
    path = write_file(
        tmp_path,
        "phases.csv",
        csv_lines([{"slug": page.slug, "phase": "arrete"}], names=["slug", "phase"]),
    )

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    page.refresh_from_db()
    assert page.phase == "arrete"
    assert page.title == "Détection des fuites d'eau"
    assert page.themes.count() == 2


def test_documents_are_read_only(client, catalogue, tmp_path):
    """Files are not imported: listed documents leave a project's own alone."""
    page = ProjectPage.objects.get(title="Projet minimal")
    item = {
        "slug": page.slug,
        "resume": "Un résumé plus précis.",
        "documents": [{"titre": "Étude", "url": "https://example.org/etude.pdf"}],
    }
    path = write_file(tmp_path, "documents.json", json.dumps([item]))

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    page.refresh_from_db()
    assert page.summary == "Un résumé plus précis."
    assert not page.documents.exists()


# ----- Creation -----


def test_a_new_slug_creates_a_published_project(client, library_index, tmp_path):
    make_collectivity()
    make_theme("Eau et assainissement")
    path = write_file(tmp_path, "nouveau.csv", csv_lines([new_row()]))

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    page = ProjectPage.objects.get(slug="prevision-des-crues")
    assert page.live
    assert page.get_parent().specific == library_index
    assert page.is_fictional_example
    assert page.lead_collectivity.siren == "213102544"
    assert page.first_published_at is not None
    assert page.live_revision.user is None


def test_a_collectivity_may_be_given_by_its_prefixed_code(
    library_index, brittany, tmp_path
):
    make_theme("Eau et assainissement")
    path = write_file(
        tmp_path, "region.csv", csv_lines([new_row(collectivite_porteuse="region-53")])
    )

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    assert ProjectPage.objects.get().lead_collectivity == brittany


def test_a_new_organisation_needs_its_kind(library_index, tmp_path):
    make_collectivity()
    make_theme("Eau et assainissement")
    partner = {"organisation": "Inconnue SA", "nature": "", "site_web": "", "role": ""}
    path = write_file(
        tmp_path,
        "partenaire.csv",
        csv_lines([new_row(partenaires=json.dumps([partner]))]),
    )

    succeeded, output, errors = run_import(path)

    assert not succeeded
    assert "ligne 2, champ partenaires (1, nature) : Précisez la nature" in errors
    assert not PartnerOrganisation.objects.exists()


# ----- Files with errors -----


def test_a_file_with_errors_changes_nothing_and_reports_each_one(
    client, catalogue, tmp_path
):
    """One bad cell anywhere: nothing is written, every error has its row and field."""
    minimal = ProjectPage.objects.get(title="Projet minimal")
    rows = [
        {**new_row(slug="valide")},
        {**new_row(slug="mauvais-theme"), "themes": "eau | inconnu"},
        {**new_row(slug="mauvaise-phase"), "phase": "en-reflexion"},
        {**new_row(slug="trop-long"), "resume": "x" * 241},
        {**new_row(slug="mauvais-mois"), "debut": "03/2024"},
        {**new_row(slug="dates-inversees"), "debut": "2024-05", "fin": "2023-01"},
        {**new_row(slug="inconnue"), "collectivite_porteuse": "999999999"},
        {**new_row(slug="mauvais-lien"), "liens": '[{"intitule": "A", "url": "x"}]'},
        {**new_row(slug="json-casse"), "liens": "[{"},
        {**new_row(slug="mauvais-booleen"), "exemple_fictif": "peut-être"},
        {**new_row(slug=minimal.slug), "titre": "Titre changé", "phase": "arrete"},
        {**new_row(slug="proposer")},
        {**new_row(slug="valide")},
    ]
    path = write_file(tmp_path, "erreurs.csv", csv_lines(rows))
    before_csv = export(client, catalogue, "csv")
    revisions = Revision.objects.count()

    succeeded, output, errors = run_import(path)

    assert not succeeded
    expected = [
        "ligne 3, champ themes : Identifiant inconnu dans la liste des thèmes : "
        "« eau ».",
        "ligne 4, champ phase : Valeur inconnue « en-reflexion »",
        "ligne 5, champ resume : Assurez-vous que cette valeur comporte au plus "
        "240 caractères",
        "ligne 6, champ debut : Indiquez un mois au format AAAA-MM",
        "ligne 7, champ fin : La fin ne peut pas précéder le début.",
        "ligne 8, champ collectivite_porteuse : Collectivité inconnue du "
        "référentiel : « 999999999 ».",
        "ligne 9, champ liens (1, url) : Saisissez une URL valide.",
        "ligne 10, champ liens : Cette cellule doit contenir une liste JSON",
        "ligne 11, champ exemple_fictif : « oui » ou « non » attendu.",
        "ligne 13, champ slug : Cette adresse est réservée par la bibliothèque.",
        "ligne 14, champ slug : identifiant déjà présent dans le fichier (ligne 2).",
        "aucun projet n'a été modifié",
    ]
    for message in expected:
        assert message in errors, message
    assert "ligne 2," not in errors
    assert "ligne 12," not in errors
    assert not ProjectPage.objects.filter(slug="valide").exists()
    assert export(client, catalogue, "csv") == before_csv
    assert Revision.objects.count() == revisions


def test_unknown_or_missing_columns_are_refused(library_index, tmp_path):
    path = write_file(
        tmp_path, "colonnes.csv", csv_lines([{}], names=["titre", "tehmes"])
    )

    succeeded, output, errors = run_import(path)

    assert not succeeded
    assert "ligne 1, champ tehmes : colonne inconnue." in errors
    assert "ligne 1, champ slug : colonne obligatoire absente." in errors


def test_a_new_project_needs_the_essential_fields(library_index, tmp_path):
    path = write_file(tmp_path, "vide.json", json.dumps([{"slug": "presque-rien"}]))

    succeeded, output, errors = run_import(path)

    assert not succeeded
    for name in ("titre", "resume", "collectivite_porteuse", "themes", "phase"):
        assert (
            f"projet 1, champ {name} : champ obligatoire pour un nouveau projet."
            in errors
        )
    # Fields with a default ("non communiqué", "non renseigné") may be left out.
    assert "champ budget" not in errors
    assert "champ evaluation_biais" not in errors


def test_unknown_json_fields_and_unreadable_json_are_reported(library_index, tmp_path):
    unknown = write_file(
        tmp_path, "inconnu.json", json.dumps([{"slug": "x", "couleur": "bleu"}])
    )
    broken = write_file(tmp_path, "casse.json", '{"projets": [')

    assert "projet 1, champ couleur : champ inconnu." in run_import(unknown)[2]
    assert "fichier : JSON illisible" in run_import(broken)[2]


def test_a_project_under_moderation_is_not_overwritten(
    client, catalogue, library_index, tmp_path
):
    draft = make_project(
        library_index, "Proposition en cours", themes=[make_theme()], publish=False
    )
    edited = ProjectPage.objects.get(title="Projet minimal")
    edited.summary = "Un brouillon d'éditeur."
    edited.save_revision()
    path = write_file(
        tmp_path,
        "moderation.json",
        json.dumps(
            [
                {"slug": draft.slug, "titre": "Écrasé"},
                {"slug": edited.slug, "titre": "Écrasé"},
            ]
        ),
    )

    succeeded, output, errors = run_import(path)

    assert not succeeded
    assert "projet 1, champ slug : ce projet n'est pas publié" in errors
    assert "projet 2, champ slug : ce projet a des modifications non publiées" in errors
    assert not ProjectPage.objects.filter(title="Écrasé").exists()


def test_a_draft_does_not_block_a_file_that_leaves_its_project_unchanged(
    client, catalogue, tmp_path
):
    path = write_file(tmp_path, "projets.csv", export(client, catalogue, "csv"))
    edited = ProjectPage.objects.get(title="Projet minimal")
    edited.summary = "Un brouillon d'éditeur."
    edited.save_revision()

    succeeded, output, errors = run_import(path)

    assert succeeded, errors
    assert "3 inchangé(s)" in output
    edited.refresh_from_db()
    assert edited.has_unpublished_changes
    assert edited.get_latest_revision_as_object().summary == "Un brouillon d'éditeur."


# ----- Dry run and formats -----


def test_a_dry_run_reports_and_changes_nothing(client, catalogue, tmp_path):
    projects = projects_of(export(client, catalogue, "json"))
    projects[0]["titre"] = "Titre modifié"
    new = new_row()
    new.update(themes=["eau-et-assainissement"], exemple_fictif=True)
    path = write_file(tmp_path, "essai.json", json.dumps([*projects, new]))
    revisions = Revision.objects.count()

    succeeded, output, errors = run_import(path, "--dry-run")

    assert succeeded, errors
    assert (
        "rien n'a été modifié : 1 projet(s) à créer, 1 à mettre à jour, "
        "2 inchangé(s), 0 organisation(s) partenaire(s) à créer."
    ) in output
    assert not ProjectPage.objects.filter(slug="prevision-des-crues").exists()
    assert not ProjectPage.objects.filter(title="Titre modifié").exists()
    assert Revision.objects.count() == revisions


def test_the_format_comes_from_the_extension_or_the_option(library_index, tmp_path):
    make_collectivity()
    make_theme("Eau et assainissement")
    path = write_file(tmp_path, "projets.txt", csv_lines([new_row()]))

    succeeded, output, errors = run_import(path)
    assert not succeeded
    assert "--format" in errors

    succeeded, output, errors = run_import(path, "--format", "csv")
    assert succeeded, errors
    assert ProjectPage.objects.filter(slug="prevision-des-crues").exists()


def test_a_file_saved_by_a_spreadsheet_with_a_byte_order_mark_is_read(
    library_index, tmp_path
):
    make_collectivity()
    make_theme("Eau et assainissement")
    path = tmp_path / "excel.csv"
    path.write_text(csv_lines([new_row()]), encoding="utf-8-sig")

    succeeded, output, errors = run_import(str(path))

    assert succeeded, errors


def test_the_import_logs_counts_only(library_index, tmp_path, caplog):
    make_collectivity()
    make_theme("Eau et assainissement")
    path = write_file(tmp_path, "projets.csv", csv_lines([new_row()]))

    with caplog.at_level(logging.INFO, logger="library.opendata.importing"):
        run_import(path)

    [message] = [
        entry.getMessage()
        for entry in caplog.records
        if entry.name == "library.opendata.importing"
    ]
    assert message == (
        "Projects imported: 1 created, 0 updated, 0 unchanged, 0 organisations created"
    )


def test_an_import_needs_a_library(db, tmp_path):
    path = write_file(tmp_path, "projets.csv", csv_lines([new_row()]))

    succeeded, output, errors = run_import(path)

    assert not succeeded
    assert "pas de bibliothèque" in errors


def test_a_region_without_departement_is_exported_with_empty_codes(client, catalogue):
    projects = projects_of(export(client, catalogue, "json"))
    regional = next(
        item for item in projects if item["titre"] == "Assistant des lycées"
    )

    assert regional["collectivite_porteuse"] == "region-53"
    assert regional["collectivite_porteuse_departement"] == ""
    assert regional["exemple_fictif"] is True
    assert regional["partenaires"][0]["site_web"] == "https://atelier.example.org"
    assert regional["date_publication"] == "2023-02-10T10:30:15+01:00"
