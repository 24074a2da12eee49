"""The library as open data: CSV, JSON and its schema, the feed, the API, /donnees/."""

import csv
import datetime
import html
import io
import json
import re

import jsonschema
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from library import record as record_sections
from library import services
from library.choices import Phase
from library.models import (
    LibraryIndexPage,
    OpenDataPage,
    ProjectLink,
    ProjectPage,
    ProjectPartner,
    ProjectPartnerCollectivity,
    UpdateSuggestion,
)
from library.opendata import record
from manifesto.models import ManifestoPage, Signature
from tests.factories import make_collectivity

from .builders import (
    fill_every_field,
    make_capability,
    make_organisation,
    make_project,
    make_projects_quickly,
    make_theme,
)

pytestmark = pytest.mark.django_db

SUBMITTER_NAME = "Dominique Exemple"
SUBMITTER_EMAIL = "dominique.exemple@mairie-exemple.fr"
SUBMITTER_ROLE = "Responsable secret des données"
SUBMITTER_NOTE = "Note confidentielle aux modérateurs"
SUGGESTION_EMAIL = "lecteur.attentif@example.net"

# The public names of schema version 1.0, in their published order. They may
# only change with a new schema version and an entry in its change log.
NAMES_1_0 = [
    "slug",
    "url",
    "titre",
    "resume",
    "exemple_fictif",
    "collectivite_porteuse",
    "collectivite_porteuse_nom",
    "collectivite_porteuse_nature",
    "collectivite_porteuse_departement",
    "collectivite_porteuse_region",
    "collectivites_partenaires",
    "themes",
    "debut",
    "fin",
    "phase",
    "page_web",
    "contact_service",
    "contact_courriel",
    "probleme",
    "objectifs",
    "beneficiaires",
    "alternatives",
    "preuves_utilite",
    "budget",
    "financements",
    "financements_precisions",
    "equipe_interne",
    "duree_mise_en_place",
    "competences",
    "partenaires",
    "mode_achat",
    "mode_achat_precisions",
    "nature_systeme",
    "capacites",
    "donnees_utilisees",
    "origine_donnees",
    "donnees_personnelles",
    "hebergement",
    "hebergement_precisions",
    "code_source",
    "licence_code",
    "reversibilite",
    "resultats_mesures",
    "effets_inclusion",
    "effets_agents",
    "cout_environnemental",
    "cout_environnemental_methode",
    "risques_biais",
    "controle_humain",
    "comite_ethique",
    "comite_ethique_etapes",
    "participation_citoyenne",
    "contestation",
    "base_legale",
    "base_legale_precisions",
    "analyse_impact",
    "enseignements",
    "documents",
    "liens",
    "evaluation_utilite",
    "evaluation_utilite_preuves",
    "evaluation_inclusion",
    "evaluation_inclusion_preuves",
    "evaluation_biais",
    "evaluation_biais_preuves",
    "evaluation_transparence",
    "evaluation_transparence_preuves",
    "evaluation_reversibilite",
    "evaluation_reversibilite_preuves",
    "evaluation_comite_ethique",
    "evaluation_comite_ethique_preuves",
    "evaluation_cout_ecologique",
    "evaluation_cout_ecologique_preuves",
    "evaluation_frugalite",
    "evaluation_frugalite_preuves",
    "evaluation_transitions",
    "evaluation_transitions_preuves",
    "evaluation_habitants",
    "evaluation_habitants_preuves",
    "evaluation_agents",
    "evaluation_agents_preuves",
    "evaluation_mediation",
    "evaluation_mediation_preuves",
    "date_publication",
    "date_mise_a_jour",
    "date_prochaine_revue",
    "version_schema_fiche",
]


@pytest.fixture
def full_project(library_index, water_theme, vision):
    page = make_project(
        library_index,
        "Détection des fuites d'eau",
        themes=[water_theme, make_theme("Énergie et bâtiments")],
        capabilities=[vision],
        publish=False,
    )
    fill_every_field(page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def data_urls(library_index):
    base = library_index.url
    return {
        "csv": f"{base}projets.csv",
        "json": f"{base}projets.json",
        "schema": f"{base}schema.json",
        "feed": f"{base}flux.atom",
    }


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


# ----- The record -----


def test_published_names_are_those_of_the_schema_version():
    """Renaming, moving or removing a field needs a new version of the schema."""
    assert record.SCHEMA_VERSION == "1.0"
    assert list(record.NAMES) == NAMES_1_0


def test_the_change_log_describes_the_current_version():
    """The newest entry of the change log is the version the files announce."""
    version, date, changes = record.CHANGELOG[0]
    assert version == record.SCHEMA_VERSION
    assert datetime.date.fromisoformat(date)
    assert str(changes)


def test_every_writable_field_mirrors_a_field_of_the_page():
    """What the importer writes is a real attribute of a project page."""
    for field in record.FIELDS:
        if field.writable:
            assert field.model_field is not None, field.name


# ----- JSON and its schema -----


def test_the_json_export_validates_against_the_published_schema(
    client, full_project, library_index, data_urls
):
    """Every project of projets.json satisfies schema.json (JSON Schema 2020-12)."""
    make_project(library_index, "Projet presque vide", themes=[make_theme()])

    schema = get_json(client, data_urls["schema"])
    document = get_json(client, data_urls["json"])

    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    validator.validate(document)
    assert schema["$id"] == f"{library_index.full_url}schema.json"
    assert schema["version"] == record.SCHEMA_VERSION
    assert schema["changelog"][0]["version"] == record.SCHEMA_VERSION
    assert document["schema"] == schema["$id"]
    assert document["version_schema"] == record.SCHEMA_VERSION
    assert document["nombre"] == 2
    assert document["licence"]["nom"].startswith("Licence Ouverte")


def test_the_schema_rejects_a_record_that_breaks_it(client, full_project, data_urls):
    """The schema is strict enough to catch an unknown code or a missing field."""
    schema = get_json(client, data_urls["schema"])
    document = get_json(client, data_urls["json"])
    validator = jsonschema.Draft202012Validator(schema)

    wrong_phase = json.loads(json.dumps(document))
    wrong_phase["projets"][0]["phase"] = "en-reflexion"
    assert not validator.is_valid(wrong_phase)
    missing = json.loads(json.dumps(document))
    del missing["projets"][0]["resume"]
    assert not validator.is_valid(missing)


def test_the_json_export_gives_every_field_of_a_full_record(
    client, full_project, data_urls
):
    """Codes, slugs, identifiers and ISO 8601 dates, lists of objects in order."""
    project = get_json(client, data_urls["json"])["projets"][0]

    assert project["slug"] == full_project.slug
    assert project["url"] == full_project.full_url
    assert project["titre"] == "Détection des fuites d'eau"
    assert project["collectivite_porteuse"] == "213102544"
    assert project["collectivite_porteuse_nom"] == "Labège"
    assert project["collectivite_porteuse_nature"] == "commune"
    assert project["collectivite_porteuse_departement"] == "31"
    assert project["collectivite_porteuse_region"] == "76"
    assert project["collectivites_partenaires"] == [
        {
            "collectivite": "213105554",
            "nom": "Toulouse",
            "role": "Partage des données de son réseau",
        }
    ]
    assert project["themes"] == ["eau-et-assainissement", "energie-et-batiments"]
    assert project["capacites"] == ["vision-par-ordinateur"]
    assert project["debut"] == "2022-03"
    assert project["fin"] == "2024-06"
    assert project["phase"] == "pilote"
    assert project["financements"] == ["budget-propre", "europe"]
    assert project["partenaires"] == [
        {
            "organisation": "Hydro Données",
            "nature": "entreprise",
            "site_web": "",
            "role": "Développement du modèle",
        }
    ]
    assert project["documents"][0]["titre"] == "Cahier des charges"
    assert project["documents"][0]["url"].startswith("http://localhost/documents/")
    assert project["liens"] == [
        {"intitule": "Rapport d'évaluation", "url": "https://example.org/rapport"}
    ]
    assert project["comite_ethique_etapes"] == ["conception", "evaluation"]
    assert project["evaluation_biais"] == "en-partie"
    assert project["evaluation_biais_preuves"] == "Preuve pour bias"
    assert project["exemple_fictif"] is False
    assert project["date_prochaine_revue"] is None
    published = datetime.datetime.fromisoformat(project["date_publication"])
    assert published == full_project.first_published_at.replace(microsecond=0)
    assert published.utcoffset() is not None
    assert project["version_schema_fiche"] == record.SCHEMA_VERSION


def test_the_licence_is_the_one_the_open_data_page_states(
    client, home_page, full_project, data_urls
):
    page = OpenDataPage(
        title="Données ouvertes",
        slug="donnees",
        licence_name="Open Database License (ODbL)",
        licence_url="https://opendatacommons.org/licenses/odbl/",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    document = get_json(client, data_urls["json"])

    assert document["licence"] == {
        "nom": "Open Database License (ODbL)",
        "url": "https://opendatacommons.org/licenses/odbl/",
    }


# ----- CSV -----


def test_the_csv_holds_the_record_in_the_published_columns(
    client, full_project, data_urls
):
    response = client.get(data_urls["csv"])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response["Access-Control-Allow-Origin"] == "*"
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header == NAMES_1_0
    [row] = csv_rows(response)
    assert row["themes"] == "eau-et-assainissement | energie-et-batiments"
    assert row["financements"] == "budget-propre | europe"
    assert row["exemple_fictif"] == "non"
    assert row["debut"] == "2022-03"
    assert row["date_prochaine_revue"] == ""
    assert json.loads(row["liens"]) == [
        {"intitule": "Rapport d'évaluation", "url": "https://example.org/rapport"}
    ]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://example.org")',
        "+33 5 61 00 00 00",
        "-12 % de pertes",
        "@SUM(A1:A2)",
        "\tDécalé",
        "\rRetour",
        "'Entre apostrophes'",
    ],
)
def test_csv_cells_cannot_run_as_formulas(client, library_index, data_urls, text):
    """A cell starting with = + - @ tab, CR or ' gets an apostrophe in front."""
    make_project(
        library_index,
        "Projet piégé",
        themes=[make_theme()],
        summary=text,
        contact_role=text,
    )

    [row] = csv_rows(client.get(data_urls["csv"]))

    assert row["resume"] == f"'{text}"
    assert row["contact_service"] == f"'{text}"
    assert record.restore(row["resume"]) == text


def test_plain_cells_are_left_as_they_are():
    assert record.neutralise("Détection des fuites") == "Détection des fuites"
    assert record.restore("Détection des fuites") == "Détection des fuites"
    assert record.neutralise("") == ""


# ----- What is published -----


def test_only_published_public_projects_are_exported(client, library_index, data_urls):
    """Drafts and projects behind a view restriction stay out of every file."""
    theme = make_theme()
    make_project(library_index, "Projet publié", themes=[theme])
    make_project(library_index, "Projet en brouillon", themes=[theme], publish=False)
    private = make_project(library_index, "Projet réservé", themes=[theme])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    csv_titles = [row["titre"] for row in csv_rows(client.get(data_urls["csv"]))]
    json_titles = [
        project["titre"] for project in get_json(client, data_urls["json"])["projets"]
    ]
    feed = client.get(data_urls["feed"]).content.decode()

    assert csv_titles == json_titles == ["Projet publié"]
    assert "Projet publié" in feed
    assert "brouillon" not in feed
    assert "réservé" not in feed


def test_files_under_another_page_are_not_found(client, library_index, home_page):
    """Only the library page's own address serves its files."""
    assert client.get("/projets.csv").status_code == 404
    assert client.get(f"{library_index.url}proposer/projets.csv").status_code == 404
    assert client.get("/inexistant/schema.json").status_code == 404


def test_the_files_of_a_restricted_library_are_not_served(
    client, library_index, data_urls
):
    PageViewRestriction.objects.create(
        page=library_index, restriction_type=PageViewRestriction.LOGIN
    )
    for url in data_urls.values():
        assert client.get(url).status_code == 404


def add_relations(pages, collectivity, organisation):
    ProjectPartnerCollectivity.objects.bulk_create(
        ProjectPartnerCollectivity(project=page, collectivity=collectivity)
        for page in pages
    )
    ProjectPartner.objects.bulk_create(
        ProjectPartner(project=page, organisation=organisation, role="Modèle")
        for page in pages
    )
    ProjectLink.objects.bulk_create(
        ProjectLink(project=page, label="Article", url="https://example.org/a")
        for page in pages
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["csv", "json", "feed"])
def test_exports_cost_as_many_queries_for_5_or_50_projects(
    client, library_index, data_urls, name
):
    """Every relation is fetched at once: the count of queries stays the same."""
    themes = [make_theme(), make_theme("Mobilité")]
    capabilities = [make_capability()]
    partner = make_collectivity(name="Toulouse", code="31555", siren="213105554")
    organisation = make_organisation()
    pages = make_projects_quickly(
        library_index, 5, themes=themes, capabilities=capabilities
    )
    add_relations(pages, partner, organisation)
    client.get(data_urls[name])  # the site's routing caches fill on first use
    with_five = count_queries(client, data_urls[name])

    pages = make_projects_quickly(
        library_index, 45, offset=5, themes=themes, capabilities=capabilities
    )
    add_relations(pages, partner, organisation)
    client.get(data_urls[name])  # and again once the new pages reset them
    with_fifty = count_queries(client, data_urls[name])

    assert with_five == with_fifty


# ----- The Atom feed -----


def test_the_feed_lists_new_and_updated_projects_latest_first(
    client, library_index, data_urls
):
    theme = make_theme()
    older = make_project(library_index, "Projet ancien", themes=[theme])
    newer = make_project(library_index, "Projet récent", themes=[theme])
    ProjectPage.objects.filter(pk=older.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30),
        last_published_at=timezone.now() - datetime.timedelta(days=30),
    )
    ProjectPage.objects.filter(pk=newer.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=10),
        last_published_at=timezone.now() - datetime.timedelta(days=10),
    )
    response = client.get(data_urls["feed"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    content = response.content.decode()
    assert content.index("Projet récent") < content.index("Projet ancien")

    older = ProjectPage.objects.get(pk=older.pk)
    older.summary = "Une fiche mise à jour."
    older.save_revision().publish()
    content = client.get(data_urls["feed"]).content.decode()

    assert content.index("Projet ancien") < content.index("Projet récent")
    entry = content[content.index("<entry>") : content.index("</entry>")]
    assert "Une fiche mise à jour." in entry
    assert older.full_url in entry
    assert "<updated>" in entry and "<published>" in entry
    assert "Labège" in entry
    assert '<category term="Eau et assainissement"' in entry


def test_the_library_page_announces_its_feed(client, library_index, data_urls):
    content = client.get(library_index.url).content.decode()

    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="Projets nouveaux et mis à jour" href="{data_urls["feed"]}">'
    ) in content


# ----- Wagtail's API -----


def test_the_api_gives_the_record_fields_of_live_projects(
    client, full_project, library_index, data_urls
):
    """Fields of the API carry the values of projets.json, under the same names."""
    draft = make_project(
        library_index, "Projet en brouillon", themes=[make_theme()], publish=False
    )
    exported = get_json(client, data_urls["json"])["projets"][0]

    listing = get_json(client, "/api/v2/pages/?type=library.ProjectPage&fields=*")
    detail = get_json(client, f"/api/v2/pages/{full_project.pk}/")

    assert [item["id"] for item in listing["items"]] == [full_project.pk]
    for field in record.FIELDS:
        if field.in_api:
            assert detail[field.name] == exported[field.name], field.name
            assert listing["items"][0][field.name] == exported[field.name]
    assert detail["title"] == exported["titre"]
    assert detail["meta"]["slug"] == exported["slug"]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_the_api_filters_projects_by_phase(client, library_index):
    theme = make_theme()
    make_project(library_index, "Projet pilote", themes=[theme], phase=Phase.PILOT)
    make_project(library_index, "Projet idée", themes=[theme], phase=Phase.IDEA)

    listing = get_json(
        client, "/api/v2/pages/?type=library.ProjectPage&phase=idee&fields=phase"
    )

    assert [item["title"] for item in listing["items"]] == ["Projet idée"]


def test_the_api_serves_images_and_documents(client, full_project):
    assert client.get("/api/v2/images/").status_code == 200
    documents = get_json(client, "/api/v2/documents/")
    assert [item["title"] for item in documents["items"]] == ["Cahier des charges"]


TOO_FAR = "offset cannot be higher than 10000000"
NOT_AN_OFFSET = "offset must be a positive integer"


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"offset": "9223372036854775808"}, TOO_FAR),
        ({"offset": "9" * 30}, TOO_FAR),
        ({"offset": "10000001"}, TOO_FAR),
        ({"offset": "10000001", "limit": "abc"}, TOO_FAR),
        ({"offset": "-1"}, NOT_AN_OFFSET),
        ({"offset": "dix"}, NOT_AN_OFFSET),
        ({"offset": "9" * 5000}, NOT_AN_OFFSET),  # past the digits Python reads
        ({"limit": "9223372036854775808"}, "limit cannot be higher than 20"),
        ({"limit": "-1"}, "limit must be a positive integer"),
    ],
)
def test_the_api_refuses_an_offset_or_a_limit_out_of_range(
    client, library_index, endpoint, parameters, message
):
    """A 400 with Wagtail's error body, never a database error."""
    response = client.get(f"/api/v2/{endpoint}/", parameters)

    assert response.status_code == 400
    assert response.json() == {"message": message}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_the_api_bounds_the_limit_when_wagtail_does_not(
    client, library_index, settings, endpoint
):
    settings.WAGTAILAPI_LIMIT_MAX = None

    response = client.get(f"/api/v2/{endpoint}/", {"limit": "9223372036854775808"})

    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 10000000"}
    assert client.get(f"/api/v2/{endpoint}/", {"limit": "10000000"}).status_code == 200


def test_the_api_answers_an_offset_at_the_bound_with_no_items(client, full_project):
    listing = get_json(
        client, "/api/v2/pages/?type=library.ProjectPage&offset=10000000"
    )

    assert listing == {"meta": {"total_count": 1}, "items": []}


# ----- Privacy -----


def test_no_submitter_contact_in_any_public_output(
    client, home_page, library_index, data_urls, django_capture_on_commit_callbacks
):
    """Whoever proposed a project or suggested a change is in no public output."""
    page = ProjectPage(
        title="Projet proposé",
        summary="Un projet venu du formulaire.",
        problem="Un problème.",
        phase=Phase.EXPERIMENT,
        system_kind="regles",
        lead_collectivity=make_collectivity(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_proposal(
            library_index,
            page,
            themes=[make_theme()],
            capabilities=[],
            partner_collectivities=[],
            submitter_name=SUBMITTER_NAME,
            submitter_email=SUBMITTER_EMAIL,
            submitter_role=SUBMITTER_ROLE,
            note=SUBMITTER_NOTE,
        )
    page = ProjectPage.objects.get(pk=page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    UpdateSuggestion.objects.create(
        project=page,
        message="Le budget a changé.",
        contact_name=SUBMITTER_NAME,
        contact_email=SUGGESTION_EMAIL,
    )
    open_data = OpenDataPage(title="Données ouvertes", slug="donnees")
    home_page.add_child(instance=open_data)
    open_data.save_revision().publish()

    outputs = [
        *(client.get(url) for url in data_urls.values()),
        client.get("/api/v2/pages/?type=library.ProjectPage&fields=*"),
        client.get(f"/api/v2/pages/{page.pk}/"),
        client.get("/api/v2/pages/?fields=*"),
        client.get(open_data.url),
        client.get(f"{open_data.url}champs/"),
    ]
    assert "Projet proposé" in outputs[0].content.decode()
    for response in outputs:
        assert response.status_code == 200
        content = response.content.decode()
        for private in (
            SUBMITTER_NAME,
            SUBMITTER_EMAIL,
            SUBMITTER_ROLE,
            SUBMITTER_NOTE,
            SUGGESTION_EMAIL,
        ):
            assert private not in content


# ----- The open data page -----


def test_the_open_data_page_lists_each_dataset_with_its_count(
    client, home_page, library_index, full_project, data_urls
):
    page = OpenDataPage(
        title="Données ouvertes",
        slug="donnees",
        introduction="<p>Tout ce que le réseau publie.</p>",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    response = client.get("/donnees/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Tout ce que le réseau publie." in content
    for url in data_urls.values():
        assert f'href="{url}"' in content
    assert "/api/v2/pages/?type=library.ProjectPage&amp;fields=*" in content
    assert "1 enregistrement" in content
    assert "Licence Ouverte / Open Licence version 2.0" in content
    assert "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" in content
    dictionary_link = '<a href="/donnees/champs/">Dictionnaire des données : les'
    assert f"{dictionary_link} {len(NAMES_1_0)} champs" in content
    assert "Version 1.0, du 2026-12-03" in content
    library_page = client.get(library_index.url).content.decode()
    assert 'href="/donnees/"' in library_page


# ----- The data dictionary -----


@pytest.fixture
def open_data_page(home_page):
    page = OpenDataPage(title="Données ouvertes", slug="donnees")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def dictionary_entries(content):
    """The field names of the dictionary, in the order the page gives them."""
    return re.findall(r'<dt id="([a-z_]+)" translate="no">\1</dt>', content)


def test_the_data_dictionary_gives_every_field_in_the_order_of_the_files(
    client, library_index, open_data_page
):
    response = client.get("/donnees/champs/")

    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    assert dictionary_entries(content) == NAMES_1_0
    for field in record.FIELDS:
        assert field.label in content
        assert field.description in content
    assert f"Les {len(NAMES_1_0)} champs d'une fiche de projet" in content


def test_the_data_dictionary_gives_each_field_under_its_group(
    client, library_index, open_data_page
):
    """Group headings come in order, each followed by its own fields."""
    content = client.get("/donnees/champs/").content.decode()

    headings = [
        content.index(f'<h2 id="groupe-{group.key}">{group.heading}</h2>')
        for group in record.GROUPS
    ]
    assert headings == sorted(headings)
    ends = [*headings[1:], len(content)]
    for group, start, end in zip(record.GROUPS, headings, ends, strict=True):
        names = [field.name for field in group.fields]
        assert dictionary_entries(content[start:end]) == names
        assert f'href="#groupe-{group.key}"' in content
    assert [group.heading for group in record.GROUPS] == [
        "Identité",
        "Finalité et utilité",
        "Moyens",
        "Partenaires",
        "Technique",
        "Impacts",
        "Gouvernance et éthique",
        "Réutilisation",
        "Évaluation au regard du manifeste",
        "Fiche",
    ]


def test_a_field_is_grouped_with_the_section_of_the_page_it_mirrors():
    """The dictionary's groups are the sections a project's page shows."""
    for group in record.GROUPS:
        for field in group.fields:
            sections = [
                section
                for section in record_sections.SECTIONS
                if field.attribute in section.fields
            ]
            assert sections in ([], [group.section]), field.name


def test_the_data_dictionary_says_what_each_value_is(
    client, library_index, open_data_page
):
    """Its kind, its codes for a vocabulary, whether it is required or read-only."""
    content = html.unescape(client.get("/donnees/champs/").content.decode())

    assert (
        "Phase — code d'une liste\xa0: idee, experimentation, pilote, "
        "en-production, arrete\xa0; obligatoire.\nOù en est le projet aujourd'hui."
    ) in content
    assert "Résumé — texte, 240 signes au plus\xa0; obligatoire.\n" in content
    assert "Adresse de la fiche — texte\xa0; lecture seule.</dd>" in content
    assert "Début — mois (AAAA-MM).\n" in content
    assert "listes de codes séparés par « | »" in content


def test_the_data_dictionary_links_to_the_schema_and_the_open_data_page(
    client, library_index, open_data_page, data_urls
):
    content = client.get("/donnees/champs/").content.decode()

    assert f'<a href="{data_urls["schema"]}">schéma JSON</a>' in content
    assert '<a href="/donnees/">des données ouvertes</a>' in content
    assert '<a href="/donnees/" aria-current="page">' not in content
    assert '<a href="/donnees/champs/" aria-current="page">' in content
    assert "<title>Dictionnaire des données ·" in content


def test_the_data_dictionary_is_in_the_sitemap(client, library_index, open_data_page):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/donnees/</loc>" in sitemap
    assert "/donnees/champs/</loc>" in sitemap


@pytest.mark.parametrize("library", ["none", "restricted"])
def test_no_data_dictionary_without_a_library_open_to_all(
    client, home_page, open_data_page, library
):
    """The dictionary describes the library's files: none, no dictionary."""
    if library == "restricted":
        index = LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
        home_page.add_child(instance=index)
        index.save_revision().publish()
        PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )

    assert client.get("/donnees/champs/").status_code == 404
    assert client.get("/donnees/").status_code == 200
    assert "/donnees/champs/" not in client.get("/donnees/").content.decode()
    assert "/donnees/champs/" not in client.get("/sitemap.xml").content.decode()


def test_the_open_data_page_lists_the_signatories_of_the_manifesto(client, home_page):
    manifesto = home_page.add_child(
        instance=ManifestoPage(
            title="Manifeste", slug="manifeste", introduction="<p>Texte.</p>"
        )
    )
    Signature.objects.create(
        collectivity=make_collectivity(),
        signer_name=SUBMITTER_NAME,
        signer_mandate="Maire",
        email=SUBMITTER_EMAIL,
        status=Signature.Status.APPROVED,
        confirmed_at=timezone.now(),
    )
    page = home_page.add_child(
        instance=OpenDataPage(title="Données ouvertes", slug="donnees")
    )

    content = client.get(page.url).content.decode()

    assert f'href="{manifesto.url}signataires.csv"' in content
    assert f'href="{manifesto.url}signataires.json"' in content
    assert "1 enregistrement" in content
    assert client.get(f"{manifesto.url}signataires.csv").status_code == 200
    assert SUBMITTER_NAME not in content
    assert SUBMITTER_EMAIL not in content


def test_the_open_data_page_lives_under_the_home_page_once(home_page):
    assert OpenDataPage.can_create_at(home_page)
    assert not OpenDataPage.can_create_at(Page.get_first_root_node())
    home_page.add_child(instance=OpenDataPage(title="Données ouvertes", slug="donnees"))
    assert not OpenDataPage.can_create_at(home_page)


def test_editors_write_the_introduction_and_choose_the_licence(client, home_page):
    """The page is created in the admin with the licence of Etalab by default."""
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    add_url = reverse(
        "wagtailadmin_pages:add", args=["library", "opendatapage", home_page.pk]
    )
    form = client.get(add_url).content.decode()
    assert "Licence Ouverte / Open Licence version 2.0" in form

    response = client.post(
        add_url,
        nested_form_data(
            {
                "title": "Données ouvertes",
                "slug": "donnees",
                "introduction": rich_text("<p>Nos données, pour tous.</p>"),
                "licence_name": "Licence Ouverte / Open Licence version 2.0",
                "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    page = OpenDataPage.objects.get()
    assert page.live
    assert "Nos données, pour tous." in client.get(page.url).content.decode()


def test_the_demo_content_creates_the_open_data_page_once(home_page):
    call_command("load_demo_content")
    call_command("load_demo_content")

    page = OpenDataPage.objects.get()
    assert page.live
    assert page.url == "/donnees/"
    assert page.get_parent().specific == home_page
