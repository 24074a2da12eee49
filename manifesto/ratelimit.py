"""A limit on signatures sent from one client address, kept in the cache.

Addresses are never stored or logged: the cache key is a keyed hash of the
address. With several server processes the cache must be shared (Redis, see
REDIS_URL) for the limit to hold across them.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

SIGNATURES_PER_WINDOW = 5
WINDOW_SECONDS = 60 * 60


def client_address(request):
    """The address of the client, looking past the trusted proxies in front."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    digest = salted_hmac("manifesto.ratelimit", client_address(request)).hexdigest()
    return f"manifesto:signatures:{digest}"


def is_limited(request):
    """Whether this client has already sent as many signatures as allowed."""
    return cache.get(_key(request), 0) >= SIGNATURES_PER_WINDOW


def count_signature(request):
    """Count one more signature sent by this client in the current window."""
    key = _key(request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            # The entry expired between add() and incr(): start a new window.
            cache.add(key, 1, WINDOW_SECONDS)
