"""The open data page of the demo site, under the home page at /donnees/."""

import logging

from wagtail.models import Site

from ..models import OpenDataPage

logger = logging.getLogger(__name__)

PAGE = {
    "slug": "donnees",
    "title": "Données ouvertes",
    "introduction": (
        "<p>Le réseau publie ses données en données ouvertes : la liste des "
        "signataires du manifeste et les fiches des projets de la "
        "bibliothèque. Chacun peut les télécharger, les analyser et les "
        "réutiliser, pour comparer des projets, en recenser d'autres ou "
        "suivre l'usage de l'IA dans les territoires.</p>"
        "<p>Les fichiers sont produits à la demande : ils sont toujours à "
        "jour des dernières fiches publiées.</p>"
    ),
}


def get_or_create_open_data_page():
    """The open data page, created under the home page if the site has none."""
    existing = OpenDataPage.objects.first()
    if existing is not None:
        return existing
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if home is None or not OpenDataPage.can_create_at(home):
        logger.warning("Open data page skipped: the site has no home page")
        return None
    page = OpenDataPage(**PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Demo open data page created: id=%d", page.pk)
    return page
