"""The project is configured consistently: checks pass, migrations are complete."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from config.settings import base


def test_system_checks_pass():
    """`manage.py check` reports no problem with the test settings."""
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    """Every model change has its migration checked in."""
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_site_speaks_french():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


PRINT_PRODUCTION_SETTINGS = (
    "import config.settings.production as p; "
    "print(p.DEBUG, p.STORAGES['staticfiles']['BACKEND'])"
)


def _import_production_settings(**environment):
    """Import the production settings in a fresh interpreter; return the result."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", PRINT_PRODUCTION_SETTINGS],
        capture_output=True,
        text=True,
        env=env,
        cwd=base.BASE_DIR,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _import_production_settings(DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _import_production_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_runs_without_debug_and_with_hashed_static_files():
    result = _import_production_settings(
        DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org", DJANGO_DEBUG="1"
    )
    assert result.returncode == 0, result.stderr
    debug, static_storage = result.stdout.split()
    assert debug == "False"
    assert static_storage.endswith("CompressedManifestStaticFilesStorage")
