"""Every response carries the security headers; public pages run no inline code."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls")]

PUBLIC_PATHS = [
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/page-qui-n-existe-pas/",
    "/healthz",
]


def parse_policy(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_carry_the_security_headers(client, path):
    """Public responses, found or not, carry CSP, referrer, permissions, framing."""
    response = client.get(path)

    policy = parse_policy(response["Content-Security-Policy"])
    assert policy == {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_policy_allows_no_inline_or_evaluated_code(client):
    """Neither scripts nor styles may come inline, nor code from eval()."""
    header = client.get("/robots.txt")["Content-Security-Policy"]

    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert parse_policy(header)["script-src"] == ["'self'"]


def test_admin_gets_a_policy_wagtail_can_work_with(client):
    """The admin may run Wagtail's inline scripts and frame its own previews only."""
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_editor_is_served_under_the_admin_policy(admin_client):
    """The page editor, which needs inline scripts, gets the admin policy."""
    home = Page.objects.get(depth=2)
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_a_view_that_sets_its_own_policy_keeps_it(client):
    response = client.get("/essai/politique/")

    assert response["Content-Security-Policy"] == "default-src 'none'"


# Markup that the public policy blocks: a script without src, an inline event
# handler, a style element or attribute. `json_script` data blocks do not run.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>"
    r"|\son[a-z]+\s*=\s*[\"']"
    r"|<style[\s>]"
    r"|\sstyle\s*=\s*[\"']",
    re.IGNORECASE,
)


def project_templates():
    base = Path(settings.BASE_DIR)
    folders = [base / "site" / "templates"]
    folders += sorted(base.glob("*/templates"))
    for folder in folders:
        if ".venv" in folder.parts:
            continue
        yield from sorted(folder.rglob("*.html"))


def test_project_templates_hold_no_inline_script_or_style():
    """Templates of the project only load scripts and styles from files."""
    templates = list(project_templates())
    offenders = [
        f"{template.relative_to(settings.BASE_DIR)}: {match.group(0).strip()}"
        for template in templates
        for match in INLINE_CODE.finditer(template.read_text(encoding="utf-8"))
    ]

    assert templates
    assert offenders == []
