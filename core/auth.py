"""Throttling of the admin login.

After `FAILURES_PER_ACCOUNT` failed attempts on one username from one address,
or `FAILURES_PER_ADDRESS` from one address whatever the username, logins from
there are refused for the rest of a `PERIOD`-second window, even with the right
password. Counters live in the cache (see `core.ratelimit`); neither the
username nor the address is logged or stored in clear.
"""

import logging
import math

from django import forms
from django.utils.translation import ngettext_lazy
from wagtail.admin.forms.auth import LoginForm

from . import ratelimit

logger = logging.getLogger(__name__)

FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 30
PERIOD = 15 * 60

ACCOUNT_SCOPE = "admin-login-account"
ADDRESS_SCOPE = "admin-login-address"


class LoginThrottle:
    """The failed-login counters of one username from one address."""

    def __init__(self, request, username):
        address = ratelimit.client_address(request) if request is not None else ""
        self.account = f"{address}\n{username.strip().casefold()}"
        self.address = address

    def is_blocked(self):
        return (
            ratelimit.count_hits(ACCOUNT_SCOPE, self.account) >= FAILURES_PER_ACCOUNT
            or ratelimit.count_hits(ADDRESS_SCOPE, self.address) >= FAILURES_PER_ADDRESS
        )

    def seconds_left(self):
        return max(
            ratelimit.seconds_left(ACCOUNT_SCOPE, self.account, PERIOD),
            ratelimit.seconds_left(ADDRESS_SCOPE, self.address, PERIOD),
        )

    def record_failure(self):
        ratelimit.record_hit(ACCOUNT_SCOPE, self.account, PERIOD)
        ratelimit.record_hit(ADDRESS_SCOPE, self.address, PERIOD)

    def clear(self):
        ratelimit.clear_hits(ACCOUNT_SCOPE, self.account)


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form, refusing to try a password once attempts are exhausted.

    Installed with the WAGTAILADMIN_USER_LOGIN_FORM setting.
    """

    too_many_attempts_message = ngettext_lazy(
        "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion "
        "est suspendue : réessayez dans %(minutes)d minute.",
        "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion "
        "est suspendue : réessayez dans %(minutes)d minutes.",
        "minutes",
    )

    def clean(self):
        throttle = LoginThrottle(self.request, self.cleaned_data.get("username") or "")
        if throttle.is_blocked():
            logger.warning("Admin login refused: too many failed attempts")
            minutes = max(1, math.ceil(throttle.seconds_left() / 60))
            raise forms.ValidationError(
                self.too_many_attempts_message,
                code="too_many_attempts",
                params={"minutes": minutes},
            )
        try:
            cleaned_data = super().clean()
        except forms.ValidationError:
            throttle.record_failure()
            logger.info("Admin login failed")
            raise
        throttle.clear()
        return cleaned_data
