"""The pieces an editor arranges in a chapter of the manifesto."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

INLINE_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PrincipleBlock(blocks.StructBlock):
    """A principle the signatories hold to: what they believe."""

    title = blocks.CharBlock(
        label=_("intitulé"),
        max_length=200,
        help_text=_("Le principe en une phrase courte."),
    )
    text = blocks.RichTextBlock(
        label=_("explication"),
        features=TEXT_FEATURES,
        required=False,
        help_text=_("Ce que ce principe veut dire concrètement."),
    )

    class Meta:
        label = _("Principe")
        icon = "pick"
        template = "manifesto/blocks/principle.html"


class CommitmentBlock(blocks.StructBlock):
    """A commitment the signatories take: what they will do."""

    title = blocks.CharBlock(
        label=_("intitulé"),
        max_length=200,
        help_text=_("L'engagement, formulé comme une action : « Nous … »."),
    )
    text = blocks.RichTextBlock(
        label=_("précisions"),
        features=TEXT_FEATURES,
        required=False,
        help_text=_("Comment l'engagement se traduit dans les projets."),
    )

    class Meta:
        label = _("Engagement")
        icon = "tick-inverse"
        template = "manifesto/blocks/commitment.html"


class QuotationBlock(blocks.StructBlock):
    quotation = blocks.TextBlock(
        label=_("citation"),
        max_length=600,
        help_text=_("Le texte cité, sans guillemets."),
    )
    attribution = blocks.CharBlock(
        label=_("source"),
        max_length=200,
        required=False,
        help_text=_("Qui l'a dit ou écrit, et où."),
    )

    class Meta:
        label = _("Citation")
        icon = "openquote"
        template = "manifesto/blocks/quotation.html"


class ChapterBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        features=["h3", *TEXT_FEATURES],
        icon="pilcrow",
        template="manifesto/blocks/paragraph.html",
    )
    principle = PrincipleBlock()
    commitment = CommitmentBlock()
    quotation = QuotationBlock()

    class Meta:
        label = _("Contenu du chapitre")
