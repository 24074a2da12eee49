"""Production settings: refuse to start without a secret key and host names."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required(
    "DJANGO_SECRET_KEY",
    "production needs a long random secret key (see the README, Deployment).",
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required(
        "DJANGO_ALLOWED_HOSTS",
        "production needs the comma-separated host names the site answers to.",
    )

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

# The site runs behind one reverse proxy, which terminates HTTPS and sets
# X-Forwarded-Proto and X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(env_str("DJANGO_TRUSTED_PROXY_COUNT", "1"))
