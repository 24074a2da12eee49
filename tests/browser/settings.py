"""Settings of the site that the browser tests serve, as production would.

The test settings, with what a separate server process needs: the database
that ``DATABASE_URL`` names (one made for the browser tests, see
``tests.browser.server``), static files collected, hashed and compressed as in
production, emails written as files that the tests read, and addresses in
emails that lead back to this server.
"""

import os

from config.settings.test import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1"]
WAGTAILADMIN_BASE_URL = os.environ["BROWSER_SITE_URL"]

STATIC_ROOT = os.environ["BROWSER_STATIC_ROOT"]
MEDIA_ROOT = os.environ["BROWSER_MEDIA_ROOT"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BROWSER_EMAIL_PATH"]

# The tests send forms far more often than one visitor may: rate limits and
# login throttling, which count in the cache, must not stop them.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

LOGGING["root"]["level"] = "WARNING"  # noqa: F405
for _logger in LOGGING["loggers"].values():  # noqa: F405
    _logger["level"] = "WARNING"
