"""Rate limits shared by the public forms and the admin login.

A limit counts the hits of one client on one scope (a form, an endpoint) in a
window of `period` seconds that opens at the first hit. Counters live in the
default cache, keyed on a keyed hash of the client's address: no address is
stored in clear.

A view calls `check_rate_limit(request, scope, limit, period)` before it writes
anything; past the limit it raises `RateLimited`, which
`core.middleware.RateLimitMiddleware` answers with the French 429 page::

    from core.ratelimit import check_rate_limit

    def sign(request):
        if request.method == "POST":
            check_rate_limit(request, "manifesto-signature", limit=5, period=3600)
            ...

or, for a whole view, the `rate_limit` decorator. The cache must be shared by
every process in production (REDIS_URL), or each process counts on its own.
"""

import logging
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

KEY_PREFIX = "ratelimit"


class RateLimited(Exception):
    """A client went past a limit; `retry_after` is in seconds."""

    def __init__(self, scope, retry_after):
        super().__init__(f"Rate limit reached: scope={scope}")
        self.scope = scope
        self.retry_after = retry_after


def client_address(request):
    """The address of the client, seen through the trusted reverse proxies.

    Behind `TRUSTED_PROXY_COUNT` proxies, each appends the address it received
    the request from to X-Forwarded-For, so the client is that many entries from
    the end; entries further left were written by the client and prove nothing.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _counter_key(scope, identity):
    digest = salted_hmac(KEY_PREFIX, identity).hexdigest()[:40]
    return f"{KEY_PREFIX}:{scope}:{digest}"


def record_hit(scope, identity, period):
    """Count one hit; return the hits in the current window and its seconds left."""
    key = _counter_key(scope, identity)
    now = time.time()
    cache.add(key, 0, timeout=period)
    window_end = cache.get_or_set(f"{key}:end", now + period, timeout=period)
    try:
        hits = cache.incr(key)
    except ValueError:
        # The window closed between add() and incr(): this hit opens a new one.
        cache.set(key, 1, timeout=period)
        cache.set(f"{key}:end", now + period, timeout=period)
        hits, window_end = 1, now + period
    return hits, max(1, math.ceil(window_end - now))


def count_hits(scope, identity):
    """The hits counted in the current window, without adding one."""
    return cache.get(_counter_key(scope, identity), 0)


def seconds_left(scope, identity, period):
    """Seconds until the current window closes (a whole period if none is open)."""
    window_end = cache.get(f"{_counter_key(scope, identity)}:end")
    if window_end is None:
        return period
    return max(1, math.ceil(window_end - time.time()))


def clear_hits(scope, identity):
    key = _counter_key(scope, identity)
    cache.delete_many([key, f"{key}:end"])


def check_rate_limit(request, scope, limit, period):
    """Count this request; raise `RateLimited` once `limit` hits are exceeded."""
    hits, retry_after = record_hit(scope, client_address(request), period)
    if hits > limit:
        logger.info("Rate limit reached: scope=%s retry_after=%d", scope, retry_after)
        raise RateLimited(scope, retry_after)


def rate_limit(scope, limit, period, methods=("POST",)):
    """Decorate a view so that its `methods` count towards a limit."""

    def decorator(view):
        @wraps(view)
        def limited_view(request, *args, **kwargs):
            if request.method in methods:
                check_rate_limit(request, scope, limit, period)
            return view(request, *args, **kwargs)

        return limited_view

    return decorator
