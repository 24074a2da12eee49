"""The library's place in the site: the home page's latest projects, breadcrumbs."""

import html

import pytest

from .builders import make_project

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_published_projects(
    client, home_page, library_index
):
    for title in ("Premier", "Deuxième", "Troisième", "Quatrième"):
        make_project(library_index, title)
    make_project(library_index, "Brouillon", publish=False)

    content = html.unescape(client.get(home_page.url).content.decode())

    assert "Derniers projets publiés" in content
    shown = [t for t in ("Quatrième", "Troisième", "Deuxième") if t in content]
    assert shown == ["Quatrième", "Troisième", "Deuxième"]
    assert content.index("Quatrième") < content.index("Deuxième")
    assert "Premier" not in content
    assert "Brouillon" not in content
    assert f'href="{library_index.url}"' in content


def test_the_home_page_says_nothing_of_an_empty_library(client, home_page):
    assert "Derniers projets publiés" not in client.get(home_page.url).content.decode()


def test_views_under_a_project_extend_its_breadcrumb(client, library_index):
    page = make_project(library_index, "Détection des fuites")
    content = html.unescape(client.get(f"{page.url}historique/").content.decode())
    trail = content[content.index('class="breadcrumb') :]
    trail = trail[: trail.index("</nav>")]
    assert f'href="{library_index.url}"' in trail
    assert f'href="{page.url}">Détection des fuites' in trail
    assert 'aria-current="page">Historique' in trail


def test_the_profile_has_a_breadcrumb_and_a_description(client, library_index):
    from tests.factories import make_collectivity

    make_collectivity()
    content = html.unescape(client.get("/collectivites/213102544/").content.decode())
    assert 'aria-current="page">Labège' in content
    assert (
        '<meta name="description" content="Labège : signature du manifeste' in content
    )
