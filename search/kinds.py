"""The kinds of content a visitor can narrow a search to.

Pages are sorted into kinds by their model; every page model not named here is
a plain page. Signatories are not pages: they are the collectivities whose
signature of the manifesto is approved.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models


class Kind(models.TextChoices):
    PROJECT = "projets", _("Projets")
    MANIFESTO = "manifeste", _("Manifeste")
    PAGE = "pages", _("Pages")
    SIGNATORY = "signataires", _("Signataires")


# Labels of the page models of each kind; the rest are plain pages.
PAGE_MODELS = {
    Kind.PROJECT: ["library.ProjectPage"],
    Kind.MANIFESTO: ["manifesto.ManifestoPage", "manifesto.ManifestoChapterPage"],
}
PAGE_KINDS = [Kind.PROJECT, Kind.MANIFESTO, Kind.PAGE]

# How one result of each kind is labelled in a list of results.
SINGULAR = {
    Kind.PROJECT: _("Projet"),
    Kind.MANIFESTO: _("Manifeste"),
    Kind.PAGE: _("Page"),
    Kind.SIGNATORY: _("Collectivité signataire"),
}


def parse_kind(value):
    """The kind named in a query parameter, or None for every kind."""
    try:
        return Kind(value)
    except ValueError:
        return None


def page_models(kind):
    """The page models of a kind."""
    if kind in PAGE_MODELS:
        return [apps.get_model(label) for label in PAGE_MODELS[kind]]
    if kind == Kind.PAGE:
        named = {label.lower() for labels in PAGE_MODELS.values() for label in labels}
        return [
            model
            for model in get_page_models()
            if model._meta.label_lower not in named
            and model._meta.concrete_model is model
            and model._meta.app_label != "wagtailcore"
        ]
    return []


def page_content_type_ids(kind):
    """Ids of the content types of a kind's pages; cached by Django after once."""
    return sorted(
        content_type.pk
        for content_type in ContentType.objects.get_for_models(
            *page_models(kind)
        ).values()
    )


def kind_of_content_type(content_type_id):
    """The kind of a page, from its content type id."""
    for kind in PAGE_MODELS:
        if content_type_id in page_content_type_ids(kind):
            return kind
    return Kind.PAGE
