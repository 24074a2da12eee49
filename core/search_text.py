"""Text typed into a search box, made safe to hand to the search engine."""

import re

# NUL and other control characters: PostgreSQL refuses NUL in a query, and
# none of them means anything in a search.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

# A lone double quote is a syntax error for SQLite's full-text search, which
# Wagtail hands the text to as it is; phrases are not offered anyway.
QUOTES = re.compile(r'["\u201c\u201d]')

MAX_SEARCH_LENGTH = 200


def clean_search_text(text, max_length=MAX_SEARCH_LENGTH):
    """The words of ``text``, without control characters or quotes, bounded."""
    text = QUOTES.sub(" ", CONTROL_CHARACTERS.sub(" ", str(text or "")))
    return " ".join(text.split())[:max_length].strip()
