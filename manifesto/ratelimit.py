"""How many signatures one client address may send, counted with core.ratelimit.

Only signatures that go through count (and robots caught by the hidden
field), not forms sent back with errors: a visitor correcting a typo is never
stopped. Past the limit the signing view answers 429 with the form and what
was typed, rather than core's bare 429 page.
"""

from core.ratelimit import client_address, count_hits, record_hit, seconds_left

SCOPE = "manifesto-signature"
SIGNATURES_PER_WINDOW = 5
WINDOW_SECONDS = 60 * 60


def is_limited(request):
    """Whether this client has already sent as many signatures as allowed."""
    return count_hits(SCOPE, client_address(request)) >= SIGNATURES_PER_WINDOW


def retry_after(request):
    """Seconds until this client may sign again."""
    return seconds_left(SCOPE, client_address(request), WINDOW_SECONDS)


def count_signature(request):
    """Count one more signature sent by this client in the current window."""
    record_hit(SCOPE, client_address(request), WINDOW_SECONDS)
