"""Logs are one JSON object per line and carry no email address."""

import json
import logging

from django.conf import settings

from core.structured_logging import JsonFormatter


def make_record(message, *args, exc_info=None):
    return logging.LogRecord(
        "manifesto", logging.WARNING, __file__, 1, message, args, exc_info
    )


def test_an_event_is_one_line_of_json_even_with_a_traceback():
    try:
        raise ValueError("first line\nsecond line")
    except ValueError as error:
        record = make_record(
            "Signature rejected: id=%d",
            42,
            exc_info=(type(error), error, error.__traceback__),
        )

    line = JsonFormatter().format(record)

    assert "\n" not in line
    event = json.loads(line)
    assert event["level"] == "WARNING"
    assert event["logger"] == "manifesto"
    assert event["message"] == "Signature rejected: id=42"
    assert "ValueError: first line\nsecond line" in event["error"]
    assert event["time"].endswith("+00:00")


def test_email_addresses_are_masked_in_messages_and_errors():
    """Whoever logs an address by mistake, the line does not carry it."""
    try:
        raise RuntimeError("Key (email)=(jeanne.dupont+ia@mairie-exemple.fr) exists")
    except RuntimeError as error:
        record = make_record(
            "Sent to %s",
            "Jeanne.Dupont@Example.ORG",
            exc_info=(type(error), error, error.__traceback__),
        )

    line = JsonFormatter().format(record)

    assert "@" not in line
    assert "jeanne" not in line.lower()
    event = json.loads(line)
    assert event["message"] == "Sent to [adresse masquée]"
    assert "Key (email)=([adresse masquée]) exists" in event["error"]


def test_every_handler_of_the_site_writes_structured_lines():
    formatters = settings.LOGGING["formatters"]
    for handler in settings.LOGGING["handlers"].values():
        formatter = formatters[handler["formatter"]]
        assert formatter["()"] == "core.structured_logging.JsonFormatter"


def test_django_logs_through_the_structured_formatter():
    """The handler Django configured from LOGGING is the one that writes JSON."""
    handler = next(
        handler
        for handler in logging.getLogger("django").handlers
        if isinstance(handler, logging.StreamHandler)
    )

    assert isinstance(handler.formatter, JsonFormatter)
