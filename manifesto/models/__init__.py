from .pages import ManifestoChapterPage, ManifestoPage
from .signatures import Signature, SignatureQuerySet, SignatureStateError

__all__ = [
    "ManifestoChapterPage",
    "ManifestoPage",
    "Signature",
    "SignatureQuerySet",
    "SignatureStateError",
]
