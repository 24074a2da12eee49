"""Sending email without making the visitor wait, and without losing any."""

import logging

from .tasks import send_email

logger = logging.getLogger(__name__)


def send_later(subject, body, to, *, from_email=None, reply_to=None, html_body=None):
    """Queue an email to be sent by the task worker, retried if the server fails.

    With the database task backend the queued email is a row written in the
    caller's transaction: it is queued if and only if what the caller saves is
    saved, and a mail server that is down delays it without losing the record
    it is about. `to` and `reply_to` are lists of addresses (a single address is
    accepted too); lazy translations are resolved now, in the current language.
    """
    if isinstance(to, str):
        to = [to]
    if isinstance(reply_to, str):
        reply_to = [reply_to]
    result = send_email.enqueue(
        subject=str(subject),
        body=str(body),
        to=[str(address) for address in to],
        from_email=from_email,
        reply_to=[str(address) for address in reply_to] if reply_to else None,
        html_body=str(html_body) if html_body else None,
    )
    logger.info("Email queued: task=%s recipients=%d", result.id, len(to))
    return result
