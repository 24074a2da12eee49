"""The official register of French local authorities.

Régions, départements and collectivities come from Etalab's "découpage
administratif" data and are refreshed from it, never typed by hand: signatures
and projects point to a collectivity of this register.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import normalize_name


class Region(models.Model):
    code = models.CharField(_("code officiel"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self):
        return self.name


class Departement(models.Model):
    code = models.CharField(_("code officiel"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        related_name="departements",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"


class CollectivityQuerySet(models.QuerySet):
    def by_public_identifier(self, identifier):
        """Collectivities designated by an identifier of ``public_identifier``."""
        identifier = (identifier or "").strip()
        kind, separator, code = identifier.partition("-")
        if separator and kind in Collectivity.PREFIXED_KINDS:
            return self.filter(kind=kind, code=code.upper())
        if len(identifier) == 9 and identifier.isdigit():
            return self.filter(siren=identifier)
        return self.filter(code=identifier.upper(), siren="").exclude(
            kind__in=Collectivity.PREFIXED_KINDS
        )

    def current(self):
        """Collectivities still present in the latest copy of the register."""
        return self.filter(is_current=True)

    def signable(self):
        """Local authorities that can sign the manifesto or lead a project.

        Communes déléguées and associées, and the municipal arrondissements of
        Paris, Lyon and Marseille, are parts of a commune, not authorities.
        """
        return self.current().filter(kind__in=Collectivity.AUTHORITY_KINDS)


class Collectivity(models.Model):
    """A local authority (or a part of one) of the official register."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        COMMUNE_DELEGUEE = "commune-deleguee", _("Commune déléguée")
        COMMUNE_ASSOCIEE = "commune-associee", _("Commune associée")
        MUNICIPAL_ARRONDISSEMENT = (
            "arrondissement-municipal",
            _("Arrondissement municipal"),
        )
        CC = "cc", _("Communauté de communes")
        CA = "ca", _("Communauté d'agglomération")
        CU = "cu", _("Communauté urbaine")
        METROPOLE = "metropole", _("Métropole")
        EPT = "ept", _("Établissement public territorial")
        DEPARTEMENT = "departement", _("Département")
        REGION = "region", _("Région")

    EPCI_KINDS = (Kind.CC, Kind.CA, Kind.CU, Kind.METROPOLE)
    AUTHORITY_KINDS = (
        Kind.COMMUNE,
        *EPCI_KINDS,
        Kind.EPT,
        Kind.DEPARTEMENT,
        Kind.REGION,
    )
    # Kinds without a SIREN in the register whose codes overlap (département 76
    # and région 76): their public identifier carries the kind.
    PREFIXED_KINDS = (Kind.DEPARTEMENT, Kind.REGION)

    kind = models.CharField(_("nature"), max_length=24, choices=Kind.choices)
    code = models.CharField(
        _("code officiel"),
        max_length=9,
        db_index=True,
        help_text=_(
            "Code INSEE pour une commune, SIREN pour un EPCI ou un EPT, code "
            "officiel pour un département ou une région."
        ),
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    name = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(
        _("nom normalisé"), max_length=200, db_index=True, editable=False
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collectivities",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collectivities",
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    is_current = models.BooleanField(
        _("au référentiel en vigueur"),
        default=True,
        help_text=_(
            "Décoché quand la dernière version du référentiel ne contient plus "
            "cette collectivité (fusion, dissolution)."
        ),
    )

    objects = CollectivityQuerySet.as_manager()

    class Meta:
        ordering = ["search_name", "code"]
        verbose_name = _("collectivité")
        verbose_name_plural = _("collectivités")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"], name="unique_collectivity_kind_code"
            ),
        ]

    def __str__(self):
        # The département's primary key is its code: no query is needed.
        if self.kind == self.Kind.COMMUNE and self.departement_id:
            return f"{self.name} ({self.departement_id})"
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    @property
    def is_epci(self):
        return self.kind in self.EPCI_KINDS

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def postcodes(self):
        """The commune's postcodes, in order, separated by spaces."""
        return " ".join(sorted(entry.code for entry in self.postcode_entries.all()))

    postcodes.fget.short_description = _("codes postaux")

    @property
    def public_identifier(self):
        """The identifier used in public addresses.

        The SIREN where there is one; else the official code, prefixed by the
        kind for départements and régions ("departement-31", "region-76"),
        whose codes overlap. ``by_public_identifier()`` finds it back.
        """
        if self.siren:
            return self.siren
        if self.kind in self.PREFIXED_KINDS:
            return f"{self.kind}-{self.code}"
        return self.code


class Postcode(models.Model):
    """One postcode of a commune, so that a typed postcode is found exactly."""

    code = models.CharField(_("code postal"), max_length=5, db_index=True)
    collectivity = models.ForeignKey(
        Collectivity, on_delete=models.CASCADE, related_name="postcode_entries"
    )

    class Meta:
        verbose_name = _("code postal")
        verbose_name_plural = _("codes postaux")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "collectivity"], name="unique_postcode_collectivity"
            ),
        ]

    def __str__(self):
        return self.code


class RegisterVersion(models.Model):
    """Which copy of the register was loaded last, so a reload can be skipped."""

    source = models.CharField(_("source"), max_length=200)
    checksum = models.CharField(_("empreinte"), max_length=64)
    loaded_at = models.DateTimeField(_("chargé le"), auto_now=True)
    counts = models.JSONField(_("effectifs"), default=dict)

    class Meta:
        get_latest_by = "loaded_at"
        verbose_name = _("version du référentiel")
        verbose_name_plural = _("versions du référentiel")

    def __str__(self):
        return f"{self.source} ({self.loaded_at:%Y-%m-%d})"
