"""What reaches the search backend from what a visitor types."""

import pytest

from search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    autocomplete_terms,
    clean_query,
    fold,
    search_terms,
)


def test_clean_query_strips_control_characters_and_extra_spaces():
    """NUL, tabs, newlines and other control characters become single spaces."""
    assert clean_query("  eau\x00potable\t\n fuite\x1b[0m  ") == "eau potable fuite [0m"


def test_clean_query_is_bounded():
    """Ten thousand characters are cut to the maximum length."""
    assert len(clean_query("énergie " * 1250)) <= MAX_QUERY_LENGTH


def test_clean_query_accepts_anything():
    """None, numbers and empty strings give an empty or textual query."""
    assert clean_query(None) == ""
    assert clean_query("") == ""
    assert clean_query(42) == "42"


def test_fold_removes_accents_and_case():
    assert fold("Énergie ŒUVRE Çà") == "energie oeuvre ca"


def test_search_terms_keep_words_only():
    """Operators, quotes, parentheses and prefixes of query syntaxes are dropped."""
    assert search_terms('"eau" & (fuite | !réseau) :* énergie:*') == [
        "eau",
        "fuite",
        "réseau",
        "énergie",
    ]


def test_search_terms_split_elisions_and_hyphens():
    """ "d'eau" gives "eau" ("d" is a stop word); hyphenated words are split."""
    assert search_terms("fuites d'eau lave-vaisselle") == [
        "fuites",
        "eau",
        "lave",
        "vaisselle",
    ]


def test_search_terms_drop_french_stop_words_and_repeats():
    assert search_terms("La mobilité et les mobilités de la MOBILITÉ") == [
        "mobilité",
        "mobilités",
    ]


def test_search_terms_are_bounded():
    assert len(search_terms(" ".join(f"mot{i}" for i in range(50)))) == MAX_TERMS


def test_only_stop_words_give_no_term():
    assert search_terms("de la et le") == []


def test_autocomplete_keeps_the_word_being_typed():
    """ "la" may begin "laboratoire": the last word is kept even if a stop word."""
    assert autocomplete_terms("projets de la") == ["projets", "la"]


@pytest.mark.parametrize("raw", ["", "   ", "'", "\x00", "()"])
def test_autocomplete_of_nothing_is_nothing(raw):
    assert autocomplete_terms(clean_query(raw)) == []
