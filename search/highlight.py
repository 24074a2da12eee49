"""Excerpts of a result's text with the searched words marked.

The text is escaped first, word by word, and only then are the matching words
wrapped in ``<mark>``: nothing in an indexed text can become markup. Words
match whatever their accents and case, and whatever a plural or feminine
ending ("fuites" marks "fuite", "énergie" marks "Energies"), close to what the
French configuration of the search finds on PostgreSQL.
"""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .query import WORD, fold

EXCERPT_LENGTH = 240


@lru_cache(maxsize=20_000)
def match_key(word):
    """A word folded and stripped of its inflection, to compare two words.

    Remembered for the most recent words: an excerpt compares hundreds of
    words, mostly the same ones from one text to the next.
    """
    key = fold(word)
    if len(key) > 4 and key.endswith("aux"):
        key = key[:-3] + "al"
    elif len(key) > 3 and key[-1] in "sx":
        key = key[:-1]
    if len(key) > 3 and key.endswith("e"):
        key = key[:-1]
    return key


def highlight(text, terms):
    """The whole text, escaped, with the words matching ``terms`` marked."""
    keys = {match_key(term) for term in terms}
    parts = []
    done = 0
    if keys:
        for word in WORD.finditer(text):
            if match_key(word.group()) in keys:
                parts.append(escape(text[done : word.start()]))
                parts.append(f"<mark>{escape(word.group())}</mark>")
                done = word.end()
    parts.append(escape(text[done:]))
    return mark_safe("".join(parts))


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About ``length`` characters of ``text`` around its first matching word.

    Without a match, the beginning of the text. An ellipsis shows where the
    text was cut.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return highlight(text, terms)

    keys = {match_key(term) for term in terms}
    start = 0
    for word in WORD.finditer(text):
        if match_key(word.group()) in keys:
            start = max(0, word.start() - length // 4)
            break
    if start:
        # Begin on a word, not in the middle of one.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < word.start() else word.start()
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end

    parts = []
    if start > 0:
        parts.append("… ")
    parts.append(highlight(text[start:end], terms))
    if end < len(text):
        parts.append(" …")
    return mark_safe("".join(parts))
