"""The manifesto's fixtures, shared with the privacy tests, and a log collector."""

import logging

import pytest

from tests.manifesto.conftest import (  # noqa: F401
    _empty_cache,
    bretagne,
    editor,
    home_page,
    labege,
    manifesto_page,
    moderator,
    occitanie,
    rennes,
    sicoval,
)

APP_LOGGERS = ("core", "home", "territories", "manifesto", "library", "django")


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))

    @property
    def text(self):
        return "\n".join(self.lines)


@pytest.fixture
def app_logs():
    """Every line the apps log at any level (tests silence them below ERROR)."""
    collector = _Collector()
    loggers = [logging.getLogger(name) for name in APP_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(collector)
        logger.setLevel(logging.DEBUG)
    yield collector
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(collector)
        logger.setLevel(level)
