"""Finding collectivities from what a person types: a name, a SIREN, a code.

One service serves the public picker (JSON and HTML), the form field and the
admin search, so that they all agree on what a text designates:

- identifiers match exactly: a SIREN (9 digits, or the first 9 of a SIRET), an
  INSEE commune code (2A/2B included), a postcode, a département or région code;
- names match whatever the case, accents, hyphens and apostrophes, and the
  usual abbreviations ("St", "Communauté de communes"): the exact name first,
  then names that start with the text, then names with a word that starts with
  it, then names containing it, then names containing each of its words; ties
  go to the most populated;
- a name may carry a département code or a postcode, as labels do
  ("Labège (31)", "31670 Labège").
"""

import re
from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Value, When

from .models import Collectivity, Postcode
from .text import normalize_name

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
MAX_WORDS = 8

SIREN = re.compile(r"\d{9}")
SIRET = re.compile(r"\d{14}")
FIVE_CHARACTER_CODE = re.compile(r"\d{5}|2[AB]\d{3}")
DEPARTEMENT_OR_REGION_CODE = re.compile(r"\d{2,3}|2[AB]")
IDENTIFIER_SPACING = re.compile(r"[\s.\-]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

# Ranks of a match, best first.
EXACT, PREFIX, WORD_PREFIX, CONTAINS, ALL_WORDS = range(5)


@dataclass
class SearchResult:
    """The collectivities matching a text, best first."""

    text: str
    collectivities: list = field(default_factory=list)
    # Whether more collectivities match than were returned.
    has_more: bool = False

    @property
    def designated(self):
        """The one collectivity the text names exactly, or None.

        A unique SIREN, code or postcode designates its collectivity, and so
        does a name (with its département, if given) that only one has.
        """
        exact = [c for c in self.collectivities if c.match_rank == EXACT]
        return exact[0] if len(exact) == 1 else None


def clean_query(text):
    """The typed text, bounded and stripped of control characters."""
    text = CONTROL_CHARACTERS.sub(" ", str(text or ""))
    return text.strip()[:MAX_QUERY_LENGTH].strip()


def search_collectivities(text, *, queryset=None, limit=MAX_RESULTS):
    """Search the register for a typed text; see the module's docstring.

    Only ``queryset`` is searched (by default the authorities that can sign).
    Empty or meaningless text finds nothing. One query.
    """
    text = clean_query(text)
    if queryset is None:
        queryset = Collectivity.objects.signable()
    matches = best_first(match_collectivities(text, queryset))
    collectivities = list(matches.select_related("departement", "region")[: limit + 1])
    return SearchResult(
        text, collectivities[:limit], has_more=len(collectivities) > limit
    )


def match_collectivities(text, queryset):
    """The collectivities of ``queryset`` matching ``text``, with their rank.

    Each carries ``match_rank`` (0 for an exact match). The queryset keeps its
    order: ``best_first()`` puts the best matches first.
    """
    text = clean_query(text)
    condition, rank = _identifier_match(text) or _name_match(text) or (None, None)
    if condition is None:
        return queryset.none().annotate(match_rank=Value(EXACT))
    return queryset.filter(condition).annotate(match_rank=rank)


def best_first(matches):
    """Order matches by rank, then from the most populated, then by name."""
    return matches.order_by(
        "match_rank", F("population").desc(nulls_last=True), "name", "pk"
    )


def find_collectivities(text, limit=MAX_RESULTS):
    """The signable collectivities that best match ``text``, at most ``limit``."""
    return search_collectivities(text, limit=limit).collectivities


def _identifier_match(text):
    """The condition for a text that is only an identifier, or None."""
    compact = IDENTIFIER_SPACING.sub("", text).upper()
    if SIRET.fullmatch(compact):
        compact = compact[:9]
    if SIREN.fullmatch(compact):
        condition = Q(siren=compact) | Q(code=compact)
    elif FIVE_CHARACTER_CODE.fullmatch(compact):
        condition = Q(code=compact) | _has_postcode(compact)
    elif DEPARTEMENT_OR_REGION_CODE.fullmatch(compact):
        condition = Q(
            code=compact,
            kind__in=[Collectivity.Kind.DEPARTEMENT, Collectivity.Kind.REGION],
        )
    else:
        return None
    return condition, Value(EXACT)


def _name_match(text):
    """The condition and rank for a name, possibly with a place qualifier."""
    phrase = normalize_name(text)
    words = phrase.split()[:MAX_WORDS]
    if not words:
        return None
    phrase = " ".join(words)

    condition = _contains_all(words)
    place_words = [word for word in words if _is_place_qualifier(word)]
    name_words = [word for word in words if word not in place_words]
    if place_words and name_words:
        name_phrase = " ".join(name_words)
        within_place = _contains_all(name_words)
        for word in place_words:
            within_place &= _is_in_place(word)
        condition |= within_place
        exact_name = Q(search_name=phrase) | (Q(search_name=name_phrase) & within_place)
    else:
        name_phrase = phrase
        exact_name = Q(search_name=phrase)

    rank = Case(
        When(exact_name, then=Value(EXACT)),
        When(search_name__startswith=name_phrase, then=Value(PREFIX)),
        When(search_name__contains=f" {name_phrase}", then=Value(WORD_PREFIX)),
        When(search_name__contains=name_phrase, then=Value(CONTAINS)),
        default=Value(ALL_WORDS),
        output_field=IntegerField(),
    )
    return condition, rank


def _contains_all(words):
    condition = Q()
    for word in words:
        condition &= Q(search_name__contains=word)
    return condition


def _is_place_qualifier(word):
    word = word.upper()
    return bool(
        FIVE_CHARACTER_CODE.fullmatch(word)
        or DEPARTEMENT_OR_REGION_CODE.fullmatch(word)
    )


def _is_in_place(word):
    """A département code or a postcode written next to a name."""
    word = word.upper()
    if FIVE_CHARACTER_CODE.fullmatch(word):
        return _has_postcode(word)
    return Q(departement_id=word)


def _has_postcode(code):
    return Q(pk__in=Postcode.objects.filter(code=code).values("collectivity_id"))
