"""A dump made as the README says restores into an empty database, whole.

The README's procedure: `pg_dump --format=custom` of the database, restored with
`pg_restore` into a new empty database. The models listed in BACKED_UP_MODELS
are compared row by row between the original and the restored database.
"""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from psycopg import sql
from wagtail.models import Page

from library.choices import Phase, SystemKind
from library.models import (
    LibraryIndexPage,
    ProjectPage,
    ProjectProposal,
    UpdateSuggestion,
)
from manifesto.models import Signature
from tests.factories import make_collectivity

# What must survive a backup, by "app_label.ModelName".
BACKED_UP_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "auth.User",
    "auth.Group",
    "territories.Region",
    "territories.Departement",
    "territories.Collectivity",
    "territories.Postcode",
    "manifesto.Signature",
    "library.ProjectPage",
    "library.ProjectProposal",
    "library.UpdateSuggestion",
]


def connection_parameters(dbname):
    settings = connection.settings_dict
    parameters = {
        "dbname": dbname,
        "host": settings["HOST"],
        "port": str(settings["PORT"]) if settings["PORT"] else "",
        "user": settings["USER"],
        "password": settings["PASSWORD"],
    }
    return {key: value for key, value in parameters.items() if value}


def client_environment():
    """Environment for the PostgreSQL client programs, matching Django's connection."""
    parameters = connection_parameters(connection.settings_dict["NAME"])
    names = {
        "host": "PGHOST",
        "port": "PGPORT",
        "user": "PGUSER",
        "password": "PGPASSWORD",
    }
    environment = dict(os.environ)
    environment.update(
        {names[key]: value for key, value in parameters.items() if key in names}
    )
    return environment


def rows(dbname, model):
    table = sql.Identifier(model._meta.db_table)
    key = sql.Identifier(model._meta.pk.column)
    with psycopg.connect(**connection_parameters(dbname)) as database:
        query = sql.SQL("SELECT * FROM {} ORDER BY {}").format(table, key)
        return database.execute(query).fetchall()


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    administration = connection_parameters("postgres")
    with psycopg.connect(**administration, autocommit=True) as database:
        database.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with psycopg.connect(**administration, autocommit=True) as database:
        database.execute(
            sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def site_content():
    """A little of everything, committed, so that pg_dump sees it."""
    home = Page.objects.get(depth=2)
    page = home.add_child(instance=Page(title="Sauvegardes", slug="sauvegardes"))
    page.save_revision().publish()
    user = get_user_model().objects.create_user(
        username="moderation", email="moderation@example.org", password="x" * 20
    )
    user.groups.create(name="Modération")
    collectivity = make_collectivity()
    Signature.objects.create(
        collectivity=collectivity,
        signer_name="Camille Martin",
        signer_mandate="Maire",
        email="maire@labege.example",
        status=Signature.Status.APPROVED,
    )
    library = home.add_child(
        instance=LibraryIndexPage(title="Bibliothèque", slug="bibliotheque")
    )
    project = library.add_child(
        instance=ProjectPage(
            title="Détection des fuites",
            summary="Repérer les fuites du réseau.",
            problem="Un quart de l'eau se perd.",
            lead_collectivity=collectivity,
            phase=Phase.PILOT,
            system_kind=SystemKind.MACHINE_LEARNING,
        )
    )
    project.save_revision().publish()
    ProjectProposal.objects.create(
        page=project,
        submitter_name="Camille",
        submitter_email="camille@example.org",
        submitter_role="Cheffe de projet",
    )
    UpdateSuggestion.objects.create(project=project, message="Le budget a changé.")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dump_restores_into_an_empty_database_with_every_row(
    site_content, empty_database, tmp_path
):
    missing = [tool for tool in ("pg_dump", "pg_restore") if not shutil.which(tool)]
    assert not missing, f"PostgreSQL client programs are needed: {missing}"
    dump = tmp_path / "site.dump"
    environment = client_environment()

    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={dump}",
            connection.settings_dict["NAME"],
        ],
        env=environment,
        check=True,
    )
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={empty_database}",
            str(dump),
        ],
        env=environment,
        check=True,
    )

    for label in BACKED_UP_MODELS:
        model = apps.get_model(label)
        original = rows(connection.settings_dict["NAME"], model)
        assert original, f"no {label} to compare: the test data is incomplete"
        assert rows(empty_database, model) == original, label
