import io
import logging

import pytest
from django.core.cache import cache

from core.structured_logging import JsonFormatter


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters from one test must not count in the next."""
    cache.clear()
    yield
    cache.clear()


class _LogCapture:
    def __init__(self, stream):
        self.stream = stream

    @property
    def lines(self):
        return self.stream.getvalue().splitlines()

    @property
    def text(self):
        return self.stream.getvalue()


@pytest.fixture
def log_lines():
    """Collect, as the site writes them, the lines logged by the site's loggers."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    names = ["core", "django", "django_tasks", "django_tasks_db"]
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield _LogCapture(stream)
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)
