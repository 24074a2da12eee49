"""What visitors send to the library: project proposals and update suggestions.

The contact details they leave are for moderators only: they live here, apart
from the page and its revisions, so that no public page, export or search
index can reach them.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .pages import ProjectPage


class ProjectProposal(models.Model):
    """Who proposed a project through the public form, kept private."""

    page = models.OneToOneField(
        ProjectPage,
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="proposal",
    )
    submitter_name = models.CharField(_("nom"), max_length=150)
    submitter_email = models.EmailField(_("adresse électronique"))
    submitter_role = models.CharField(_("fonction"), max_length=150)
    note = models.TextField(
        _("message aux modérateurs"),
        max_length=2000,
        blank=True,
        help_text=_("Ce que la personne a ajouté pour les modérateurs ; non publié."),
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now)
    # When each notice was handed to the mail queue, which retries it until
    # the mail server takes it (core.mail).
    receipt_queued_at = models.DateTimeField(
        _("accusé de réception expédié le"), null=True, blank=True
    )
    publication_notice_queued_at = models.DateTimeField(
        _("avis de publication expédié le"), null=True, blank=True
    )

    # A record of what was received: shown in the admin, never edited there.
    panels = [
        FieldPanel(name, read_only=True)
        for name in (
            "page",
            "submitter_name",
            "submitter_email",
            "submitter_role",
            "note",
            "created_at",
            "receipt_queued_at",
            "publication_notice_queued_at",
        )
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposition de projet")
        verbose_name_plural = _("propositions de projets")

    def __str__(self):
        return str(self.page)


class UpdateSuggestion(models.Model):
    """A visitor's correction or update for a published project, for moderators."""

    class Status(models.TextChoices):
        NEW = "nouvelle", _("Nouvelle")
        DONE = "traitee", _("Traitée")
        DISMISSED = "classee", _("Classée sans suite")

    project = models.ForeignKey(
        ProjectPage,
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="update_suggestions",
    )
    message = models.TextField(_("message"), max_length=3000)
    contact_name = models.CharField(_("nom"), max_length=150, blank=True)
    contact_email = models.EmailField(_("adresse électronique"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text=_(
            "« Traitée » une fois la fiche corrigée, « Classée sans suite » si "
            "la suggestion n'appelle pas de changement."
        ),
    )
    moderator_note = models.TextField(
        _("note de modération"),
        max_length=1000,
        blank=True,
        help_text=_("Note interne, jamais publiée : ce qui a été fait, et pourquoi."),
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("project", read_only=True),
                FieldPanel("message", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("contact_name", read_only=True),
                        FieldPanel("contact_email", read_only=True),
                    ]
                ),
            ],
            heading=_("Suggestion reçue"),
        ),
        FieldPanel("status"),
        FieldPanel("moderator_note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suggestion de mise à jour")
        verbose_name_plural = _("suggestions de mise à jour")

    def __str__(self):
        return _("Suggestion sur « %(project)s »") % {"project": self.project.title}
