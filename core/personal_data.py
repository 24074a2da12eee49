"""What the site holds about a person, and how it is exported, erased and purged.

Each app that keeps personal data describes it in its own ``personal_data``
module and registers a provider from its ``AppConfig.ready()``, so that core
never imports the apps it serves. A provider answers three requests:

- ``export(email)``: a list of JSON-ready records held about that address;
- ``erase(email)``: remove the person, keeping what the public record needs;
  returns counts by kind of record;
- ``purge(policy)``: delete or blank what has outlived its retention delay;
  returns counts by kind of record;
- ``processings``: what it keeps and why, for the privacy page.

Counts are the only thing logged: never an address or a name.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

_providers = {}

# Used when the site settings cannot be read (no site yet): the same values
# as the settings' own defaults.
DEFAULT_UNCONFIRMED_RETENTION_DAYS = 30
DEFAULT_CONTACT_RETENTION_MONTHS = 36


@dataclass(frozen=True)
class RetentionPolicy:
    """How long personal data is kept, from the site settings."""

    unconfirmed_retention_days: int = DEFAULT_UNCONFIRMED_RETENTION_DAYS
    contact_retention_months: int = DEFAULT_CONTACT_RETENTION_MONTHS
    now: object = None

    @property
    def moment(self):
        return self.now or timezone.now()

    @property
    def unconfirmed_deadline(self):
        """Requests left unconfirmed since before this moment are deleted."""
        return self.moment - timedelta(days=self.unconfirmed_retention_days)

    @property
    def contact_deadline(self):
        """Contacts whose retention started before this moment are blanked.

        A month counts as its average length: the delay is a bound, not a
        calendar date.
        """
        days = round(self.contact_retention_months * 30.44)
        return self.moment - timedelta(days=days)

    @classmethod
    def from_site_settings(cls, now=None):
        """The delays set by editors in the settings of the default site."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        if site is None or not apps.is_installed("home"):
            return cls(now=now)
        site_settings = apps.get_model("home", "SiteSettings").for_site(site)
        return cls(
            unconfirmed_retention_days=site_settings.unconfirmed_retention_days,
            contact_retention_months=site_settings.contact_retention_months,
            now=now,
        )


@dataclass(frozen=True)
class Processing:
    """One use of personal data, as the privacy page states it.

    ``legal_basis_setting`` names the field of the site settings where editors
    choose its legal basis; ``retention`` turns a RetentionPolicy into the
    sentence saying how long the data is kept.
    """

    title: str
    data: str
    purpose: str
    legal_basis_setting: str
    retention: Callable[[RetentionPolicy], str]


def register(provider):
    """Register an app's provider of personal data, under its ``name``."""
    _providers[provider.name] = provider
    return provider


def providers():
    return list(_providers.values())


def processings():
    """Every registered use of personal data, in the order apps registered."""
    return [
        processing
        for provider in providers()
        for processing in getattr(provider, "processings", ())
    ]


def normalise(email):
    return email.strip()


def export(email):
    """Everything held about ``email``, by provider name."""
    email = normalise(email)
    return {provider.name: provider.export(email) for provider in providers()}


def erase(email):
    """Remove the person behind ``email`` everywhere; return counts by provider."""
    email = normalise(email)
    with transaction.atomic():
        counts = {provider.name: provider.erase(email) for provider in providers()}
    logger.info("Personal data erased on request: %s", _describe(counts))
    return counts


def purge(policy=None):
    """Delete or blank what has outlived its delay; return counts by provider."""
    policy = policy or RetentionPolicy.from_site_settings()
    with transaction.atomic():
        counts = {provider.name: provider.purge(policy) for provider in providers()}
    logger.info("Personal data purged: %s", _describe(counts))
    return counts


def _describe(counts):
    parts = [
        f"{provider}.{kind}={number}"
        for provider, by_kind in counts.items()
        for kind, number in by_kind.items()
    ]
    return " ".join(parts) or "nothing registered"
