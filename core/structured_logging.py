"""Log records as one JSON object per line, with email addresses masked.

Code must not log personal data in the first place; the mask is a safety net
for what others log on our behalf, such as a database error quoting a value or
an SMTP error quoting its recipients.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_MASK = "[adresse masquée]"


def mask_personal_data(text):
    return EMAIL_ADDRESS.sub(EMAIL_MASK, text)


class JsonFormatter(logging.Formatter):
    """One line per event: time, level, logger, message, and the error if any."""

    def format(self, record):
        event = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
        }
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            event["status"] = status_code
        if record.exc_info:
            event["error"] = mask_personal_data(self.formatException(record.exc_info))
        if record.stack_info:
            event["stack"] = mask_personal_data(self.formatStack(record.stack_info))
        return json.dumps(event, ensure_ascii=False, default=str)
