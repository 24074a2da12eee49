"""Excerpts of results: escaped first, then the matched words marked."""

from search.highlight import excerpt, highlight, match_key


def test_marks_are_added_after_escaping():
    """Markup in the text is shown as text; only <mark> is real markup."""
    html = highlight("<script>alert('eau')</script> & eau", ["eau"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark>eau</mark>") == 2
    assert "&amp;" in html


def test_marks_ignore_accents_case_and_plural():
    html = highlight("Les Énergies et l'energie", ["énergie"])
    assert "<mark>Énergies</mark>" in html
    assert "<mark>energie</mark>" in html


def test_match_key_folds_common_inflections():
    assert match_key("fuites") == match_key("Fuite") == match_key("fuite")
    assert match_key("territoriaux") == match_key("territorial")
    assert match_key("eaux") == match_key("eau")


def test_words_are_not_marked_inside_other_words():
    assert "<mark>" not in highlight("Beaumont", ["eau"])


def test_excerpt_starts_near_the_first_match():
    text = (
        "Début. "
        + "mot " * 200
        + "La détection des fuites d'eau potable. "
        + ("fin " * 200)
    )
    html = excerpt(text, ["fuite"])
    assert "<mark>fuites</mark>" in html
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert len(html) < 400


def test_excerpt_without_match_is_the_beginning():
    html = excerpt("Un texte court sans rapport.", ["eau"])
    assert html == "Un texte court sans rapport."


def test_excerpt_of_nothing_is_empty():
    assert excerpt("", ["eau"]) == ""
