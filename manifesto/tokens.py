"""The signed links sent to a signer: one to confirm, one to withdraw.

A token names a signature and is signed with the site's secret key, with a
salt of its own for each use, so that neither link can stand for the other.
The confirmation link expires; the withdrawal link lasts as long as the
signature does. Tokens are base64-encoded so that they fit in a page address.
"""

import base64
import binascii
from datetime import timedelta

from django.core import signing

CONFIRMATION_MAX_AGE = timedelta(days=7)

_CONFIRMATION_SALT = "manifesto.signature.confirm"
_WITHDRAWAL_SALT = "manifesto.signature.withdraw"


class InvalidToken(Exception):
    """The token was altered, truncated, or made for another use."""


class ExpiredToken(InvalidToken):
    """The token is genuine but too old; it still names its signature."""

    def __init__(self, signature_id):
        super().__init__(signature_id)
        self.signature_id = signature_id


def make_confirmation_token(signature):
    signer = signing.TimestampSigner(salt=_CONFIRMATION_SALT)
    return _encode(signer.sign(str(signature.pk)))


def read_confirmation_token(token):
    """Return the id of the signature a confirmation token names."""
    signer = signing.TimestampSigner(salt=_CONFIRMATION_SALT)
    signed = _decode(token)
    try:
        signature_id = _to_id(signer.unsign(signed))
    except signing.BadSignature as error:
        raise InvalidToken from error
    try:
        signer.unsign(signed, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken(signature_id) from error
    return signature_id


def make_withdrawal_token(signature):
    return _encode(signing.Signer(salt=_WITHDRAWAL_SALT).sign(str(signature.pk)))


def read_withdrawal_token(token):
    """Return the id of the signature a withdrawal token names."""
    try:
        value = signing.Signer(salt=_WITHDRAWAL_SALT).unsign(_decode(token))
    except signing.BadSignature as error:
        raise InvalidToken from error
    return _to_id(value)


def _encode(value):
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def _decode(token):
    try:
        padded = token + "=" * (-len(token) % 4)
        return base64.urlsafe_b64decode(padded.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError) as error:
        raise InvalidToken from error


def _to_id(value):
    try:
        return int(value)
    except ValueError as error:
        raise InvalidToken from error
