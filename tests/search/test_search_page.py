"""The search page at /recherche/: what it finds, shows and never shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from manifesto.models import Signature

from .conftest import make_signature

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")


def search(client, query="", **parameters):
    response = client.get(SEARCH_URL, {"q": query, **parameters})
    assert response.status_code == 200
    return response


def found_titles(response):
    search = response.context["search"]
    titles = [str(result.title) for result in search.promoted]
    titles += [str(result.title) for result in search.signatories]
    titles += [str(result.title) for result in search.page.object_list]
    return titles


def plain(title):
    return title.replace("<mark>", "").replace("</mark>", "")


def test_finds_live_pages_of_every_kind(client, make_page, make_project, chapter):
    """Standard pages, projects and manifesto chapters are found, with their kind."""
    make_page("Politique de sobriété", "La sobriété guide nos choix.")
    make_project("Capteurs sobres", "Un réseau de capteurs conçu avec sobriété.")

    response = search(client, "sobriété")

    results = response.context["search"].page.object_list
    assert {plain(str(result.title)) for result in results} == {
        "Politique de sobriété",
        "Capteurs sobres",
        "Une IA utile et proportionnée",
    }
    assert {str(result.kind_label) for result in results} == {
        "Page",
        "Projet",
        "Manifeste",
    }
    content = response.content.decode()
    assert "<mark>sobriété</mark>" in content
    assert 'href="/biblio/capteurs-sobres/"' in content


def test_excerpt_shows_the_matched_words_escaped(client, make_page):
    make_page("Accessibilité", "Le <b>code</b> des pages suit le référentiel RGAA.")

    content = search(client, "référentiel").content.decode()

    assert "&lt;b&gt;code&lt;/b&gt;" in content
    assert "<mark>référentiel</mark>" in content


def test_unpublished_pages_and_drafts_are_never_found(client, make_page, make_project):
    """Draft pages, draft projects and unpublished changes stay out of the results."""
    make_page("Brouillon", "Un texte sur la géothermie.", live=False)
    make_project("Projet en attente", "Géothermie des écoles.", live=False)
    published = make_page("Chauffage", "Le chauffage des écoles.")
    published.introduction = "La géothermie, bientôt."
    published.save_revision()

    response = search(client, "géothermie")

    assert not response.context["search"].found
    assert "Aucun résultat" in response.content.decode()


def test_restricted_pages_are_never_found(client, make_page, restrict_to_logged_in):
    page = make_page("Espace des membres", "Le compte rendu du bureau.")
    restrict_to_logged_in(page)

    assert not search(client, "compte rendu").context["search"].found


def test_a_restriction_hides_a_page_from_the_next_search(
    client, make_page, restrict_to_logged_in
):
    """The restrictions are cached: a new one or its removal is seen at once."""
    members = make_page("Espace des membres", "Le compte rendu du bureau.")
    minutes = make_page("Procès-verbaux", "Chaque compte rendu.", parent=members)
    assert search(client, "compte rendu").context["search"].total == 2

    restriction = restrict_to_logged_in(members)
    assert not search(client, "compte rendu").context["search"].found

    restriction.delete()
    found = search(client, "compte rendu").context["search"]
    assert {result.url for result in found.page.object_list} == {
        members.url,
        minutes.url,
    }


def test_approved_signatories_are_found_by_name(client, home_page):
    make_signature("Labège")
    make_signature("Castanet-Tolosan", status=Signature.Status.AWAITING_MODERATION)
    make_signature("Escalquens", status=Signature.Status.REJECTED)
    make_signature("Auzeville-Tolosane", status=Signature.Status.WITHDRAWN)

    assert [plain(t) for t in found_titles(search(client, "labege"))] == ["Labège"]
    for name in ["Castanet", "Escalquens", "Auzeville"]:
        assert not search(client, name).context["search"].found, name


def test_nothing_private_of_a_signature_is_searchable(client, home_page):
    """Signer's name, email, moderation note and mandate never match."""
    make_signature(
        "Labège",
        signer_name="Dominique Lefranc",
        email="dominique.lefranc@mairie.example",
        moderation_note="Vérifié par téléphone",
    )

    for query in ["Lefranc", "dominique.lefranc@mairie.example", "téléphone", "maire"]:
        assert not search(client, query).context["search"].found, query

    content = search(client, "Labège").content.decode()
    assert "Labège</mark>" in content
    for private in ["Lefranc", "@mairie.example", "téléphone"]:
        assert private not in content


def test_results_can_be_narrowed_to_one_kind_with_counts(
    client, make_page, make_project
):
    make_page("Mobilité douce", "Les pistes cyclables.")
    make_project("Vélos partagés", "Mobilité et vélos en libre service.")
    make_project("Covoiturage", "Mobilité rurale et covoiturage.")
    make_signature("Mobile-sur-Mer")

    response = search(client, "mobilité")
    counts = {
        count.kind.value: count.count for count in response.context["search"].counts
    }
    assert counts == {"projets": 2, "manifeste": 0, "pages": 1, "signataires": 0}
    content = response.content.decode()
    assert 'Projets <span class="search-filters__count">(2)</span>' in content

    narrowed = search(client, "mobilité", type="projets")
    assert sorted(plain(t) for t in found_titles(narrowed)) == [
        "Covoiturage",
        "Vélos partagés",
    ]


def test_results_are_paginated(client, make_page):
    for number in range(12):
        make_page(f"Compte rendu {number}", "Réunion du conseil.")

    first = search(client, "réunion")
    second = search(client, "réunion", page="2")

    assert len(first.context["search"].page.object_list) == 10
    assert len(second.context["search"].page.object_list) == 2
    assert 'aria-current="page"' in second.content.decode()
    assert set(found_titles(first)).isdisjoint(found_titles(second))


def test_no_result_page_suggests_what_to_try(client, home_page):
    content = search(client, "zythologie").content.decode()

    assert "Aucun résultat pour « zythologie »" in content
    assert "Vérifiez l&#x27;orthographe des mots" in content


def test_a_query_of_stop_words_only_is_explained(client, home_page):
    content = search(client, "de la").content.decode()
    assert "aucun mot à chercher" in content


def test_the_empty_page_shows_only_the_form(client, home_page):
    response = search(client)
    assert response.context["search"].page is None
    assert 'role="search"' in response.content.decode()


def test_search_box_is_in_the_header_of_every_page(client, make_page):
    page = make_page("À propos", "Qui sommes-nous.")

    for url in ["/", page.url, SEARCH_URL]:
        content = client.get(url).content.decode()
        assert f'action="{SEARCH_URL}"' in content, url
        assert "search/suggest.js" in content, url


def test_the_search_page_is_not_indexed_by_search_engines(client, home_page):
    assert (
        '<meta name="robots" content="noindex">'
        in search(client, "eau").content.decode()
    )


ODD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "é" * 10_000,
    '"eau',
    "'",
    "''",
    "eau & fuite | !réseau",
    "(eau",
    "eau)",
    "((((((",
    "eau:*",
    ":*",
    "*",
    "eau AND OR NOT NEAR",
    "NEAR(eau fuite)",
    "eau^2 title:eau",
    "\x00",
    "eau\x00fuite",
    "\x1b\x07\x7f",
    "\u200b\u202e",
    "%",
    "%00",
    "\\",
    "\\'",
    "<script>alert(1)</script>",
    "-eau",
    "eau -fuite",
    "{eau}",
    "[eau]",
    "🚰💧",
    "SELECT * FROM wagtailcore_page;--",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_any_query_string_gives_a_page(client, make_page, query):
    """Operators, quotes, control characters and lengths never cause an error."""
    make_page("Fuites d'eau", "Le réseau d'eau potable perd de l'eau.")

    response = client.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize(
    "parameters",
    [
        "q=eau&type=inconnu",
        "q=eau&type=",
        "q=eau&type=projets&type=pages",
        "q=eau&page=abc",
        "q=eau&page=-1",
        "q=eau&page=0",
        "q=eau&page=99999999999999999999999",
        "q=eau&page=1e400",
        "q=eau&page=2&page=x",
        "q=eau&q=fuite",
        "q=eau&type=signataires&page=9",
        "type=projets",
        "page=3",
        "q",
        "q=eau&type=%00",
        "q=eau&page=%00",
        "q=%ZZ",
    ],
)
def test_invalid_or_repeated_parameters_give_a_page(client, make_page, parameters):
    make_page("Fuites d'eau", "Le réseau d'eau potable perd de l'eau.")

    response = client.get(f"{SEARCH_URL}?{parameters}")

    assert response.status_code == 200


# What a search costs once the site's shell is cached (and with it the site,
# the view restrictions and which queries have promotions). On PostgreSQL:
# the lookup of every kind, with ranks, the signatories, the page of results
# with their texts, the statistics in one statement, and the statements that
# open and close their transactions. On SQLite: the view restrictions, two
# lookups, the signatories, the ranked page, its texts, and the statistics.
SEARCH_QUERIES = {"sqlite": 11, "postgresql": 9}


def test_number_of_queries_does_not_grow_with_results(
    client, make_page, make_project, django_assert_max_num_queries
):
    """A page of results costs the same number of queries for 2 or 30 matches."""
    bound = SEARCH_QUERIES[connection.vendor]
    for number in range(2):
        make_project(f"Eau potable {number}", "Suivi de l'eau.")
    client.get(SEARCH_URL, {"q": "eau"})  # builds the site's shell, warms caches
    with django_assert_max_num_queries(bound) as few:
        search(client, "eau")
    # Counted now: the connection keeps a bounded log of the latest queries.
    few_queries = len(few.captured_queries)

    for number in range(2, 30):
        make_project(f"Eau potable {number}", "Suivi de l'eau.")
    client.get(SEARCH_URL, {"q": "eau"})  # the shell is built again after changes
    with django_assert_max_num_queries(few_queries):
        search(client, "eau")


def test_the_site_shell_costs_no_query_once_built(client, make_page, make_project):
    """Menu, footer and site settings come from the cache, not the database."""
    about = make_page("À propos")
    about.show_in_menus = True
    about.save_revision().publish()
    make_project("Eau potable", "Suivi de l'eau.")
    search(client, "eau")

    with CaptureQueriesContext(connection) as captured:
        response = search(client, "eau")

    assert "À propos" in response.content.decode()
    statements = [query["sql"] for query in captured.captured_queries]
    assert not [sql for sql in statements if "home_sitesettings" in sql]
    assert not [
        sql for sql in statements if "show_in_menus" in sql.partition("WHERE")[2]
    ]


def test_a_very_broad_query_is_counted_and_ranked_up_to_a_bound(
    client, make_project, monkeypatch
):
    """Beyond the bound, the page says "more than" and ranks the first matches."""
    monkeypatch.setattr("search.services.MAX_MATCHES", 3)
    monkeypatch.setattr("search.views.MAX_MATCHES", 3)
    for number in range(5):
        make_project(f"Capteurs {number}", "Des capteurs dans la ville.")

    response = search(client, "capteurs")

    search_result = response.context["search"]
    assert search_result.total_has_more
    assert len(search_result.page.object_list) == 3
    content = response.content.decode()
    assert "Plus de 3 résultats" in content
    assert "Votre recherche est très large" in content


def test_head_requests_are_answered_and_posts_refused(client, home_page):
    assert client.head(SEARCH_URL, {"q": "eau"}).status_code == 200
    assert client.post(SEARCH_URL, {"q": "eau"}).status_code == 405
