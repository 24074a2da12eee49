"""Links from a signatory to the public profile of its collectivity.

The profile lives at ``/collectivites/<SIREN or code>/``, served by another
part of the site; until that address answers, signatories are not linked,
so that no link leads nowhere.
"""

import functools

from django.urls import Resolver404, resolve

PROFILE_PATH = "/collectivites/{identifier}/"


def collectivity_url(collectivity):
    """The address of the collectivity's profile, or "" while there is none."""
    if not profiles_exist():
        return ""
    return PROFILE_PATH.format(identifier=collectivity.public_identifier)


@functools.cache
def profiles_exist():
    try:
        match = resolve(PROFILE_PATH.format(identifier="200000000"))
    except Resolver404:
        return False
    # Wagtail's catch-all answers every address: it does not count.
    return match.url_name != "wagtail_serve"
