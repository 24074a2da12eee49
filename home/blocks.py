"""The blocks editors compose pages from: text, headings, quotes and images."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Rich text of page bodies: the h2/h3 levels come from the heading block, so
# that the outline of a page stays under the editor's explicit control.
BODY_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingLevel(models.TextChoices):
    H2 = "h2", _("Titre de section")
    H3 = "h3", _("Sous-titre")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("texte"),
        max_length=200,
        help_text=_("Le titre, court et explicite."),
    )
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=HeadingLevel.choices,
        default=HeadingLevel.H2,
        help_text=_(
            "Un sous-titre se place sous un titre de section : ne sautez pas de niveau."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "home/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("citation"),
        max_length=1000,
        help_text=_(
            "Les mots cités, sans guillemets : ils sont ajoutés à l’affichage."
        ),
    )
    attribution = blocks.CharBlock(
        label=_("source"),
        required=False,
        max_length=200,
        help_text=_("Qui parle, et à quel titre (facultatif)."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("image"),
        help_text=_(
            "Décrivez ce que l'image apporte au texte dans le texte alternatif, "
            "ou cochez « décorative » si elle n'apporte rien."
        ),
    )
    caption = blocks.CharBlock(
        label=_("légende"),
        required=False,
        max_length=300,
        help_text=_("Texte affiché sous l'image, crédit compris (facultatif)."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of a standard page."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=BODY_TEXT_FEATURES,
        template="home/blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    figure = FigureBlock()
    data_protection_summary = blocks.StaticBlock(
        label=_("Responsable et durées de conservation"),
        admin_text=_(
            "Affiche le responsable du traitement, le contact pour les données "
            "personnelles et les durées de conservation, tels qu'ils sont "
            "renseignés dans les paramètres du site."
        ),
        icon="lock",
        template="home/blocks/data_protection_summary_block.html",
    )
