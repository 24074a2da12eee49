"""Finding the collectivities that signed the manifesto, by their name.

Only approved signatures are ever searched, and only by the name of their
collectivity: nothing else of a signature (signer, email, notes) can match.
Names are compared in the register's folded form (no case, accents, hyphens
or apostrophes; "St" read as "Saint"), word by word.
"""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from manifesto.links import collectivity_url
from manifesto.models import ManifestoPage, Signature
from territories.text import normalize_name

from .highlight import highlight
from .kinds import Kind
from .results import Result


def _name_words(terms):
    return normalize_name(" ".join(terms)).split()


def find_signatories(terms, limit):
    """Ids of the approved signatures whose collectivity's name has every term
    as a word, in the order of the names: at most ``limit`` of them. One query.

    Only ids: a search counts them all but shows a few (``public_signatures``).
    """
    words = _name_words(terms)
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= (
            Q(collectivity__search_name=word)
            | Q(collectivity__search_name__startswith=f"{word} ")
            | Q(collectivity__search_name__endswith=f" {word}")
            | Q(collectivity__search_name__contains=f" {word} ")
        )
    signatures = Signature.objects.approved().filter(condition)
    return list(
        signatures.order_by("collectivity__search_name", "pk").values_list(
            "pk", flat=True
        )[:limit]
    )


def public_signatures(ids):
    """The signatures of ``ids``, in that order, with what a result shows."""
    if not ids:
        return []
    signatures = Signature.objects.public().in_bulk(ids)
    return [signatures[pk] for pk in ids if pk in signatures]


def suggest_signatories(terms, limit):
    """Approved signatures whose collectivity's name has words starting so."""
    words = _name_words(terms)
    if not words or limit <= 0:
        return []
    condition = Q()
    for word in words:
        condition &= Q(collectivity__search_name__startswith=word) | Q(
            collectivity__search_name__contains=f" {word}"
        )
    signatures = Signature.objects.public().filter(condition)
    return list(signatures.order_by("collectivity__search_name", "pk")[:limit])


def signatory_results(signatures, terms):
    """Signatories as search results: their collectivity and when they signed.

    Collectivities without a public profile link to the list of signatories.
    """
    fallback_url = None
    results = []
    for signature in signatures:
        url = collectivity_url(signature.collectivity)
        if not url:
            if fallback_url is None:
                fallback_url = _signatories_url()
            url = fallback_url
        results.append(_signatory_result(signature, url, terms))
    return results


def _signatory_result(signature, url, terms):
    collectivity = signature.collectivity
    details = [collectivity.get_kind_display()]
    if collectivity.departement_id:
        details.append(collectivity.departement.name)
    details.append(
        _("signataire depuis le %(date)s")
        % {"date": date_format(signature.signed_at, "j F Y")}
    )
    return Result(
        title=highlight(collectivity.name, terms),
        url=url,
        kind=Kind.SIGNATORY,
        excerpt=" · ".join(details),
    )


def _signatories_url():
    manifesto = ManifestoPage.find_live()
    return manifesto.signatories_url if manifesto else ""
