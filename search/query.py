"""What a visitor typed, made safe and meaningful for the search backend.

Anything may arrive in ``?q=``: ten thousand characters, control characters,
quotes, parentheses, the operators of PostgreSQL's or SQLite's query syntax.
The text shown back to the visitor is only bounded and stripped of control
characters; the backend receives words alone (letters and digits), without
French stop words, so that no input can change the meaning of its query and
both databases get the same terms.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

# Letters and digits of any script; apostrophes, hyphens and everything else
# separate words ("d'eau" gives "d" and "eau", "lave-vaisselle" two words).
WORD = re.compile(r"[^\W_]+")

# French words too common to mean anything in a search, folded (lower case,
# no accents), with the letters left alone by an elision (l', d', qu'...).
STOP_WORDS = frozenset(
    """
    a au aux avec c ce ces cet cette d dans de des du elle elles en est et eux il
    ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos
    notre nous on ont ou par pas pour qu que qui s sa se ses son sont sur t ta te
    tes toi ton tu un une vos votre vous y
    """.split()  # noqa: SIM905 - a list of words reads better as text
)


def clean_query(raw):
    """The typed text as it is shown back: bounded, one line, no control character.

    Control and format characters (NUL included) become spaces before the text
    is cut to ``MAX_QUERY_LENGTH`` characters, so that nothing unprintable
    reaches the database, the logs or the page.
    """
    text = "".join(
        " " if unicodedata.category(character).startswith("C") else character
        for character in str(raw or "")[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def fold(text):
    """Lower case without accents: "Énergie" -> "energie", "Œuvre" -> "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return without_accents.casefold().replace("œ", "oe").replace("æ", "ae")


def words(text):
    """The words of a text, in order, as typed."""
    return WORD.findall(text)


def search_terms(query):
    """The words of a cleaned query worth searching for, at most ``MAX_TERMS``.

    Stop words are dropped, and so are repeated words; the words keep their
    accents, which the search configuration folds on PostgreSQL and SQLite's
    tokenizer folds on its side.
    """
    terms = []
    seen = set()
    for word in words(query):
        folded = fold(word)
        if folded in STOP_WORDS or folded in seen:
            continue
        seen.add(folded)
        terms.append(word)
    return terms[:MAX_TERMS]


def autocomplete_terms(query):
    """Like ``search_terms()``, but the last word, being typed, is always kept.

    "la" may be the beginning of "laboratoire"; only complete words (those
    followed by more text) are dropped when they are stop words.
    """
    typed = words(query)
    if not typed:
        return []
    *complete, last = typed
    terms = search_terms(" ".join(complete))[: MAX_TERMS - 1]
    if fold(last) not in {fold(term) for term in terms}:
        terms.append(last)
    return terms
