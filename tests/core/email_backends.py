"""Mail servers that fail, for the tests of the email queue."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingEmailBackend(BaseEmailBackend):
    """A server that refuses every recipient, quoting them as real ones do."""

    def send_messages(self, email_messages):
        recipients = {
            address: (550, b"5.1.1 Mailbox unavailable")
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(recipients)
