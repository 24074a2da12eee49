"""Background tasks of the site.

`send_email` runs on the task backend of the TASKS setting: in production the
database backend, whose worker (`manage.py db_worker`) sends each queued email
and, when the mail server fails, queues the next attempt after a growing delay.
Queue emails with `core.mail.send_later`, not by calling the task directly.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Delay before each new attempt, in seconds: seven attempts over about a day.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60, 16 * 60 * 60)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


class EmailNotSent(Exception):
    """One attempt to send an email failed; says why without naming anyone."""


@task()
def send_email(
    *,
    subject,
    body,
    to,
    from_email=None,
    reply_to=None,
    html_body=None,
    attempt=1,
):
    """Send one email; on failure queue the next attempt, up to MAX_ATTEMPTS."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        reply_to=reply_to,
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")

    try:
        message.send()
    except Exception as error:
        reason = type(error).__name__
        if _queue_next_attempt(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            reply_to=reply_to,
            html_body=html_body,
            attempt=attempt,
        ):
            logger.warning(
                "Email not sent, new attempt queued: attempt=%d/%d delay=%ds reason=%s",
                attempt,
                MAX_ATTEMPTS,
                RETRY_DELAYS[attempt - 1],
                reason,
            )
        else:
            logger.error(
                "Email abandoned: attempt=%d/%d reason=%s",
                attempt,
                MAX_ATTEMPTS,
                reason,
            )
        # Raised without its cause: an SMTP error can quote the recipients.
        raise EmailNotSent(f"attempt {attempt} of {MAX_ATTEMPTS}: {reason}") from None

    logger.info("Email sent: attempt=%d recipients=%d", attempt, len(message.to))
    return {"attempt": attempt}


def _queue_next_attempt(*, attempt, **email):
    """Queue a later attempt if any is left and the backend can defer; say if so."""
    if attempt >= MAX_ATTEMPTS or not send_email.get_backend().supports_defer:
        return False
    run_after = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
    send_email.using(run_after=run_after).enqueue(**email, attempt=attempt + 1)
    return True
