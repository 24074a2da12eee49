"""Signatures of the manifesto by local authorities of the register.

A signature goes through a short life: the signer confirms it from an email,
a moderator approves or rejects it, and the authority may withdraw it later.
Only approved signatures are ever public.
"""

import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from territories.models import Collectivity

from ..logos import LOGO_FORMATS, LogoField

SIGNER_NAME_MAX_LENGTH = 150
SIGNER_MANDATE_MAX_LENGTH = 150
PUBLIC_MESSAGE_MAX_LENGTH = 500


class SignatureStateError(ValueError):
    """An action that the current status of a signature does not allow."""


def logo_upload_to(instance, filename):
    # The stored name reveals nothing and cannot be guessed: logos awaiting
    # moderation are not public yet.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in {fmt.extension for fmt in LOGO_FORMATS.values()}:
        extension = "png"
    return f"manifeste/logos/{uuid.uuid4().hex}.{extension}"


class SignatureQuerySet(models.QuerySet):
    def live(self):
        """Signatures that count: not rejected and not withdrawn."""
        return self.filter(status__in=Signature.LIVE_STATUSES)

    def approved(self):
        return self.filter(status=Signature.Status.APPROVED)

    def awaiting_moderation(self):
        return self.filter(status=Signature.Status.AWAITING_MODERATION)

    def public(self):
        """Approved signatures with what their public listing displays."""
        return self.approved().select_related(
            "collectivity__departement", "collectivity__region"
        )

    def unconfirmed_before(self, moment):
        return self.filter(
            status=Signature.Status.AWAITING_CONFIRMATION, created_at__lt=moment
        )


class SignatureStatus(models.TextChoices):
    AWAITING_CONFIRMATION = (
        "awaiting_confirmation",
        _("En attente de confirmation par courriel"),
    )
    AWAITING_MODERATION = "awaiting_moderation", _("En attente de modération")
    APPROVED = "approved", _("Approuvée")
    REJECTED = "rejected", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


# A collectivity holds at most one signature in these statuses.
LIVE_STATUSES = (
    SignatureStatus.AWAITING_CONFIRMATION,
    SignatureStatus.AWAITING_MODERATION,
    SignatureStatus.APPROVED,
)


class Signature(models.Model):
    """One local authority's signature of the manifesto."""

    Status = SignatureStatus

    class Email(models.TextChoices):
        """The messages sent to the signer, to name the one that failed."""

        CONFIRMATION = "confirmation", _("Demande de confirmation")
        DECISION = "decision", _("Décision de modération")

    LIVE_STATUSES = LIVE_STATUSES

    # ----- Who signs -----
    collectivity = models.ForeignKey(
        Collectivity,
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signer_name = models.CharField(
        _("nom du signataire"),
        max_length=SIGNER_NAME_MAX_LENGTH,
        help_text=_("Prénom et nom de la personne qui signe pour la collectivité."),
    )
    signer_mandate = models.CharField(
        _("mandat du signataire"),
        max_length=SIGNER_MANDATE_MAX_LENGTH,
        help_text=_("Par exemple : maire, présidente, vice-président au numérique."),
    )
    email = models.EmailField(
        _("adresse électronique de contact"),
        help_text=_("Jamais publiée : elle sert à confirmer et à informer."),
    )

    # ----- What is published with it -----
    deliberation_date = models.DateField(
        _("date de la délibération"),
        null=True,
        blank=True,
        help_text=_("Date du conseil qui a décidé de signer, s'il y en a eu un."),
    )
    deliberation_url = models.URLField(
        _("lien vers la délibération"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Adresse publique du compte rendu ou de la délibération."),
    )
    logo = LogoField(
        _("logo"),
        upload_to=logo_upload_to,
        width_field="logo_width",
        height_field="logo_height",
        blank=True,
        help_text=_("PNG, JPEG ou WebP ; il est réduit pour la liste des signataires."),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    public_message = models.TextField(
        _("message public"),
        max_length=PUBLIC_MESSAGE_MAX_LENGTH,
        blank=True,
        help_text=_("Quelques mots publiés avec la signature."),
    )
    is_example = models.BooleanField(
        _("exemple"),
        default=False,
        editable=False,
        help_text=_("Signature de démonstration, signalée comme telle au public."),
    )

    # ----- Its life -----
    status = models.CharField(
        _("état"),
        max_length=24,
        choices=Status.choices,
        default=Status.AWAITING_CONFIRMATION,
        db_index=True,
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    moderation_note = models.TextField(
        _("note de modération"),
        blank=True,
        help_text=_("Réservée aux modérateurs ; jamais publiée ni exportée."),
    )

    # ----- Email delivery -----
    failed_email = models.CharField(
        _("courriel non parti"),
        max_length=16,
        choices=Email.choices,
        blank=True,
    )
    email_error = models.CharField(_("erreur d'envoi"), max_length=200, blank=True)
    email_failed_at = models.DateTimeField(_("échec d'envoi le"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [
            ("moderate_signature", _("Peut approuver ou refuser les signatures")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity"],
                condition=Q(status__in=LIVE_STATUSES),
                name="manifesto_one_live_signature_per_collectivity",
                violation_error_message=_(
                    "Cette collectivité a déjà une signature en cours ou publiée."
                ),
            ),
        ]

    def __str__(self):
        return str(self.collectivity)

    @property
    def is_live(self):
        return self.status in self.LIVE_STATUSES

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def signed_at(self):
        """When the authority signed: the moment it confirmed its signature."""
        return self.confirmed_at or self.created_at

    # ----- Transitions -----

    def confirm(self):
        if self.status != self.Status.AWAITING_CONFIRMATION:
            raise SignatureStateError(_("Cette signature est déjà confirmée."))
        self.status = self.Status.AWAITING_MODERATION
        self.confirmed_at = timezone.now()

    def approve(self, user):
        if self.status != self.Status.AWAITING_MODERATION:
            raise SignatureStateError(
                _("Seule une signature en attente de modération peut être approuvée.")
            )
        self._decide(self.Status.APPROVED, user)

    def reject(self, user):
        if self.status not in (self.Status.AWAITING_MODERATION, self.Status.APPROVED):
            raise SignatureStateError(
                _(
                    "Seule une signature en attente de modération ou approuvée "
                    "peut être refusée."
                )
            )
        self._decide(self.Status.REJECTED, user)

    def withdraw(self):
        if not self.is_live:
            raise SignatureStateError(_("Cette signature n'est plus active."))
        self.status = self.Status.WITHDRAWN
        self.withdrawn_at = timezone.now()

    def _decide(self, status, user):
        self.status = status
        self.decided_by = user
        self.decided_at = timezone.now()

    # ----- Email delivery -----

    def record_email_failure(self, email, error):
        self.failed_email = email
        self.email_error = error[:200]
        self.email_failed_at = timezone.now()

    def clear_email_failure(self):
        self.failed_email = ""
        self.email_error = ""
        self.email_failed_at = None
