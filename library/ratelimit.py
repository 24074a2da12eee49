"""A small rate limit per client address, kept in Django's cache.

The address is never stored: the cache key holds a keyed hash of it, which
expires with the window.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def _key(request, scope):
    address = request.META.get("REMOTE_ADDR", "")
    digest = salted_hmac("library.ratelimit", address).hexdigest()[:32]
    return f"library:ratelimit:{scope}:{digest}"


def is_exhausted(request, scope, limit):
    """Whether this client has already used up its ``limit`` in the window."""
    return (cache.get(_key(request, scope)) or 0) >= limit


def record_use(request, scope, window):
    """Count one successful use by this client, for ``window`` seconds."""
    key = _key(request, scope)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=window)
