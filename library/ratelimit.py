"""How many proposals and suggestions one client address may send.

Counted with core.ratelimit. Only submissions that go through count (and
those of robots caught by the hidden field), not forms sent back with errors,
so that a visitor correcting a mistake is never stopped. Past the limit the
form comes back with what was typed, answered 429, and nothing is written.
"""

import math
from dataclasses import dataclass

from core.ratelimit import client_address, count_hits, record_hit, seconds_left


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    window: int  # seconds

    def is_reached(self, request):
        return count_hits(self.scope, client_address(request)) >= self.count

    def retry_after(self, request):
        """Seconds until this client may send again."""
        return seconds_left(self.scope, client_address(request), self.window)

    def retry_after_minutes(self, request):
        return max(1, math.ceil(self.retry_after(request) / 60))

    def count_use(self, request):
        record_hit(self.scope, client_address(request), self.window)


PROPOSALS = Limit("library-proposal", count=5, window=60 * 60)
SUGGESTIONS = Limit("library-suggestion", count=10, window=60 * 60)
