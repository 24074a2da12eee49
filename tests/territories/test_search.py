"""The rules by which typed text finds collectivities."""

import pytest

from territories.models import Collectivity
from territories.services import (
    MAX_RESULTS,
    find_collectivities,
    search_collectivities,
)
from territories.text import normalize_name
from tests.factories import make_collectivity

pytestmark = pytest.mark.django_db


def names(collectivities):
    return [c.name for c in collectivities]


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Labège", "labege"),
        ("LABÈGE", "labege"),
        ("Saint-Étienne-du-Rouvray", "saint etienne du rouvray"),
        ("St-Étienne", "saint etienne"),
        ("L'Haÿ-les-Roses", "l hay les roses"),
        ("Œuilly", "oeuilly"),
        ('CA "Saintes - Grandes Rives - L\'Agglo"', "ca saintes grandes rives l agglo"),
        ("Communauté de communes Faucigny-Glières", "cc faucigny glieres"),
        ("Communauté d'agglomération du Sicoval", "ca du sicoval"),
    ],
)
def test_names_fold_case_accents_punctuation_and_abbreviations(raw, folded):
    """Names and typed text fold to the same lowercase, unaccented words."""
    assert normalize_name(raw) == folded


@pytest.mark.parametrize("typed", ["labege", "LABÈGE", "Labege", "  labège  "])
def test_name_is_found_whatever_its_case_and_accents(small_register, typed):
    """ "labege" finds Labège, and so does any casing or accenting of it."""
    assert find_collectivities(typed) == [small_register["labege"]]


@pytest.mark.parametrize(
    "typed", ["saint etienne", "Saint-Étienne", "SAINT ETIENNE", "st-etienne"]
)
def test_hyphens_and_spaces_are_the_same(small_register, typed):
    """ "saint etienne" and "Saint-Étienne" find the same communes, exact first."""
    found = find_collectivities(typed)
    assert found == [
        small_register["saint_etienne"],
        small_register["saint_etienne_du_rouvray"],
    ]


def test_exact_name_comes_before_prefix_then_words(small_register):
    """The exact name first, then names starting with it, then the others."""
    found = find_collectivities("toulouse")
    assert names(found) == ["Toulouse", "Toulouse Métropole", "Vieille-Toulouse"]


def test_ties_go_to_the_most_populated(db):
    """Among equally good matches, the most populated comes first."""
    make_collectivity("Beaulieu", code="31001", siren="213100011", population=50)
    make_collectivity("Beaulieu", code="31002", siren="213100029", population=900)
    make_collectivity("Beaulieu", code="31003", siren="213100037", population=None)
    found = find_collectivities("beaulieu")
    assert [c.code for c in found] == ["31002", "31001", "31003"]


def test_words_in_any_order_still_match(small_register):
    """Every typed word present in a name is a match, ranked after the others."""
    assert find_collectivities("rouvray etienne") == [
        small_register["saint_etienne_du_rouvray"]
    ]


def test_long_form_of_an_epci_kind_matches_its_abbreviation(small_register):
    """ "Communauté d'agglomération du Sicoval" finds "CA du Sicoval"."""
    result = search_collectivities("Communauté d'agglomération du Sicoval")
    assert result.designated == small_register["sicoval"]


def test_siren_matches_exactly(small_register):
    """A SIREN finds its collectivity, typed with or without spaces."""
    assert find_collectivities("213102544") == [small_register["labege"]]
    assert find_collectivities("213 102 544") == [small_register["labege"]]
    assert find_collectivities("243100633") == [small_register["sicoval"]]
    assert find_collectivities("213102545") == []


def test_siret_finds_the_siren(small_register):
    """The 14 digits of a SIRET designate the collectivity of its SIREN."""
    assert find_collectivities("21310254400015") == [small_register["labege"]]


def test_postcode_matches_exactly(small_register):
    """A postcode finds the communes it serves, and only them."""
    assert find_collectivities("31670") == [small_register["labege"]]
    assert find_collectivities("31300") == [small_register["toulouse"]]
    assert find_collectivities("3167") == []


def test_insee_code_matches_exactly_corsica_included(small_register):
    """An INSEE code finds its commune, Corsica's 2A and 2B included."""
    assert find_collectivities("31254") == [small_register["labege"]]
    assert find_collectivities("2A004") == [small_register["ajaccio"]]
    assert find_collectivities("2a004") == [small_register["ajaccio"]]


def test_departement_and_region_codes_match_exactly(small_register):
    """A 2- or 3-character code finds the département and région of that code."""
    assert find_collectivities("31") == [small_register["haute_garonne"]]
    assert set(find_collectivities("76")) == {
        small_register["occitanie"],
        small_register["seine_maritime"],
    }


def test_name_with_departement_code_is_narrowed_to_it(small_register):
    """A label as the picker shows it, "Labège (31)", designates that commune."""
    result = search_collectivities("Labège (31)")
    assert result.designated == small_register["labege"]
    assert (
        search_collectivities("saint etienne 42").designated
        == (small_register["saint_etienne"])
    )


def test_name_with_postcode_is_narrowed_to_it(small_register):
    """ "31670 Labège" designates Labège."""
    assert (
        search_collectivities("31670 Labège").designated == (small_register["labege"])
    )


def test_parts_of_communes_are_never_offered(small_register):
    """Communes déléguées and associées are found by no name, code or postcode."""
    assert small_register["deleguee"] not in find_collectivities("labege")
    assert find_collectivities("Labège-le-Vieux") == []
    assert find_collectivities("31999") == []
    assert find_collectivities("toulouse associee") == []
    assert find_collectivities("31670") == [small_register["labege"]]


def test_collectivities_no_longer_current_are_not_offered(small_register):
    """A collectivity gone from the latest register is no longer proposed."""
    Collectivity.objects.filter(pk=small_register["labege"].pk).update(is_current=False)
    assert find_collectivities("labege") == []
    assert find_collectivities("213102544") == []


def test_at_most_twenty_results(db):
    """However many collectivities match, twenty at most are returned."""
    for number in range(MAX_RESULTS + 5):
        make_collectivity(
            f"Sainte-Marie {number}",
            code=f"31{number:03d}",
            siren=f"2131{number:05d}",
            postcodes=(),
        )
    result = search_collectivities("sainte marie")
    assert len(result.collectivities) == MAX_RESULTS
    assert result.has_more


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        None,
        "%",
        "%%_",
        "<script>alert(1)</script>",
        "\x00\x01",
        "'; DROP TABLE territories_collectivity; --",
        "1234",
        "x" * 10_000,
    ],
)
def test_empty_or_garbage_text_finds_nothing(small_register, typed):
    """Nothing typed, or nothing meaningful, finds nothing and raises nothing."""
    assert find_collectivities(typed) == []


def test_very_long_text_is_cut_not_refused(small_register):
    """Text beyond 100 characters is cut: its start is still searched."""
    assert find_collectivities("labege" + " " * 200 + "x" * 500) == [
        small_register["labege"]
    ]


def test_designated_only_when_one_collectivity_is_named_exactly(small_register):
    """A unique exact name, SIREN or postcode designates; a partial match does not."""
    assert search_collectivities("Toulouse").designated == small_register["toulouse"]
    assert search_collectivities("31670").designated == small_register["labege"]
    assert search_collectivities("labeg").designated is None
    assert search_collectivities("76").designated is None


@pytest.mark.parametrize("typed", ["labege", "213102544", "31670", "Labège (31)"])
def test_one_query_per_search(small_register, django_assert_num_queries, typed):
    """A search, with its départements and régions, costs one query."""
    with django_assert_num_queries(1):
        result = search_collectivities(typed)
        [(c.departement, c.region) for c in result.collectivities]
