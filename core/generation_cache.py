"""Values built from the database and kept in the cache until they change.

A ``GenerationCache`` holds a family of values (one per site, one per
library...) under one cache key, with the generation token they were built
in. ``invalidate()`` draws a new token, so that every value of the family is
built again on its next use; and a value built from the database while a
change was being saved (under the old token) is never read afterwards.

The cache must be shared by every process for an invalidation to reach them
all (``REDIS_URL``, see the README); values also expire after ``timeout``
seconds, which bounds how long a process-local cache may serve an old one.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

_instances = []


def invalidate_all():
    """Forget the values of every family (for tests, whose database is rolled
    back under a cache that is not)."""
    for instance in _instances:
        instance._new_generation()


class GenerationCache:
    def __init__(self, key, timeout=300):
        self.key = key
        self.generation_key = f"{key}:generation"
        self.timeout = timeout
        _instances.append(self)

    def get(self, part, build):
        """The value of ``part``, from the cache or else from ``build()``.

        One read of the cache when the value is there; ``part`` must be
        hashable and picklable, the value picklable.
        """
        values = cache.get_many([self.generation_key, self.key])
        generation = values.get(self.generation_key)
        if generation is None:
            cache.add(self.generation_key, uuid.uuid4().hex, None)
            generation = cache.get(self.generation_key)
        stored_generation, parts = values.get(self.key) or (None, {})
        if stored_generation != generation:
            parts = {}
        if part in parts:
            return parts[part]
        value = build()
        cache.set(self.key, (generation, {**parts, part: value}), self.timeout)
        return value

    def invalidate(self):
        """Forget every value now, and again once the transaction commits.

        Page views between a change and its commit may have built a value
        from the database as it was before.
        """
        self._new_generation()
        transaction.on_commit(self._new_generation)

    def _new_generation(self):
        cache.set(self.generation_key, uuid.uuid4().hex, None)
