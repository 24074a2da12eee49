"""Normalisation of place names for matching typed text against the register.

The same folding applies to the names stored in the register and to what people
type, so that "labege", "LABÈGE" and "Labège" meet, and so do "St-Étienne" and
"Saint-Étienne", or "Communauté de communes Faucigny-Glières" and the register's
"CC Faucigny - Glières".
"""

import re
import unicodedata

NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")

# Abbreviations written either way in names; the folded form is the short one
# for kinds of EPCI (as the register writes them) and the long one for saints.
WORD_FORMS = {
    "st": "saint",
    "ste": "sainte",
    "sts": "saints",
    "stes": "saintes",
}
PHRASE_FORMS = [
    (re.compile(r"\bcommunaute de communes\b"), "cc"),
    (re.compile(r"\bcommunaute (?:de l |d )agglomeration\b"), "ca"),
    (re.compile(r"\bcommunaute urbaine\b"), "cu"),
]


def normalize_name(text):
    """Fold case, accents, punctuation and usual abbreviations.

    "Labège" -> "labege"; "St-Étienne" -> "saint etienne";
    "Communauté de communes du Pays d'Évian" -> "cc du pays d evian".
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = without_accents.casefold().replace("œ", "oe").replace("æ", "ae")
    words = NOT_ALPHANUMERIC.sub(" ", folded).split()
    phrase = " ".join(WORD_FORMS.get(word, word) for word in words)
    for pattern, short in PHRASE_FORMS:
        phrase = pattern.sub(short, phrase)
    return phrase
