"""The EcoIndex formula gives the reference implementation's scores and grades."""

import pytest

from .ecoindex import EcoIndex, grade, quantile_position, score


def test_an_empty_page_scores_100():
    """No element, no request, no byte: the best possible score, grade A."""
    assert score(0, 0, 0) == 100
    assert EcoIndex(0, 0, 0).grade == "A"


def test_a_page_beyond_the_last_quantiles_scores_0():
    """A page larger than every quantile in all three measures scores 0, grade G."""
    assert score(10**6, 10**4, 10**6) == 0
    assert grade(0) == "G"


def test_quantile_position_interpolates_within_its_quantile():
    """A value halfway between two quantiles stands halfway between their ranks."""
    assert quantile_position((0, 10, 30), 20) == pytest.approx(1.5)
    assert quantile_position((0, 10, 30), 0) == 0
    assert quantile_position((0, 10, 30), 30) == 2


def test_score_of_the_reference_example():
    """100 elements, 100 requests and 100 KB score 72 (grade B) in the reference."""
    ecoindex = EcoIndex(dom_elements=100, requests=100, kilobytes=100)

    assert round(ecoindex.score) == 72
    assert ecoindex.grade == "B"


def test_a_small_page_is_grade_a():
    """A page of 150 elements, 5 requests and 30 KB scores above 80."""
    assert EcoIndex(150, 5, 30).score > 80
    assert EcoIndex(150, 5, 30).grade == "A"


@pytest.mark.parametrize(
    ("value", "letter"),
    [(80.01, "A"), (80, "B"), (70, "C"), (55.5, "C"), (55, "D"), (40, "E"), (25, "F")],
)
def test_grade_limits_are_exclusive(value, letter):
    """A score must be strictly above a grade's limit to earn it."""
    assert grade(value) == letter


def test_negative_measures_are_refused():
    """A negative measure is a bug in the measuring, not a page."""
    with pytest.raises(ValueError):
        quantile_position((0, 10), -1)
