"""The public signing form."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from territories.forms import CollectivityField

from .models import Signature
from .services import ALREADY_SIGNED_MESSAGES, live_signature_status

HONEYPOT_FIELD = "site_web"
# The manifesto did not exist before: an earlier date is a typing error.
EARLIEST_DELIBERATION = datetime.date(2020, 1, 1)


class SignatureForm(forms.ModelForm):
    collectivity = CollectivityField(
        label=_("Votre collectivité"),
        help_text=_(
            "Commune, intercommunalité, département ou région : tapez son nom, "
            "son code postal ou son numéro SIREN."
        ),
    )
    deliberation_url = forms.URLField(
        label=_("Lien vers la délibération (facultatif)"),
        help_text=_("L'adresse publique de la délibération, si elle existe."),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ces informations soient conservées pour gérer la "
            "signature de ma collectivité."
        ),
        error_messages={
            "required": _(
                "Cochez cette case pour que nous puissions enregistrer la signature."
            )
        },
    )
    # Left empty by people, who do not see it; filled in by most robots.
    site_web = forms.CharField(
        label=_("Ne remplissez pas ce champ"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Signature
        fields = [
            "collectivity",
            "signer_name",
            "signer_mandate",
            "email",
            "deliberation_date",
            "deliberation_url",
            "logo",
            "public_message",
        ]
        labels = {
            "signer_name": _("Votre prénom et votre nom"),
            "signer_mandate": _("Votre mandat"),
            "email": _("Votre adresse électronique"),
            "deliberation_date": _("Date de la délibération (facultatif)"),
            "logo": _("Logo de la collectivité (facultatif)"),
            "public_message": _("Message public (facultatif)"),
        }
        help_texts = {
            "signer_name": _("La personne qui signe au nom de la collectivité."),
            "signer_mandate": _(
                "Par exemple : maire, présidente du conseil départemental."
            ),
            "email": _(
                "Nous y envoyons le lien de confirmation. Elle n'est jamais publiée."
            ),
            "deliberation_date": _("Au format jj/mm/aaaa, par exemple 14/03/2026."),
            "logo": _(
                "PNG, JPEG ou WebP, 1 Mo au plus. Les fichiers SVG sont refusés."
            ),
            "public_message": _("Publié avec votre signature, 500 caractères au plus."),
        }
        error_messages = {
            "signer_name": {
                "required": _("Indiquez le prénom et le nom de la personne qui signe.")
            },
            "signer_mandate": {
                "required": _(
                    "Indiquez le mandat de la personne qui signe (par exemple : maire)."
                )
            },
            "email": {
                "required": _(
                    "Indiquez une adresse électronique : nous y envoyons le lien "
                    "de confirmation."
                ),
                "invalid": _(
                    "Cette adresse électronique n'est pas valide : vérifiez-la "
                    "(par exemple : prenom.nom@mairie.fr)."
                ),
            },
        }
        widgets = {
            "signer_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "signer_mandate": forms.TextInput(
                attrs={"autocomplete": "organization-title"}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            # A text input, not type="date": a browser's date input drops what
            # it cannot parse, and what was typed must come back with errors.
            "deliberation_date": forms.DateInput(
                attrs={"inputmode": "numeric", "placeholder": "jj/mm/aaaa"},
                format="%d/%m/%Y",
            ),
            "public_message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliberation_date"].input_formats = ["%d/%m/%Y", "%Y-%m-%d"]

    @property
    def is_spam(self):
        """Whether the hidden field was filled in, as robots do."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_collectivity(self):
        collectivity = self.cleaned_data["collectivity"]
        status = live_signature_status(collectivity)
        if status is not None:
            raise forms.ValidationError(ALREADY_SIGNED_MESSAGES[status], code="signed")
        return collectivity

    def clean_deliberation_date(self):
        date = self.cleaned_data["deliberation_date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(
                _("La date de la délibération ne peut pas être dans le futur."),
                code="future",
            )
        if date and date < EARLIEST_DELIBERATION:
            raise forms.ValidationError(
                _("Vérifiez l'année : la délibération est antérieure à 2020."),
                code="too_old",
            )
        return date
