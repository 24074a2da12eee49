"""Normalisation of place names for matching typed text against the register."""

import re
import unicodedata

SEPARATORS = re.compile(r"[\s\-'’‐‑–—_.,/()]+")


def normalize_name(text):
    """Fold case, accents, hyphens and apostrophes: "Labège" -> "labege"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = without_accents.casefold().replace("œ", "oe").replace("æ", "ae")
    return SEPARATORS.sub(" ", folded).strip()
