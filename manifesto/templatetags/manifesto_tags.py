from django import template

from ..links import collectivity_url
from ..models import ManifestoPage
from ..services import signatory_count

register = template.Library()


@register.inclusion_tag("manifesto/includes/call_to_sign.html")
def manifesto_call_to_sign():
    """The number of signatories and the way to sign, for other pages."""
    return {
        "manifesto": ManifestoPage.find_live(),
        "signatory_count": signatory_count(),
    }


@register.filter
def collectivity_profile_url(collectivity):
    return collectivity_url(collectivity)
