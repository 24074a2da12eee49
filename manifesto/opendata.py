"""The list of signatories as open data: CSV and JSON, public fields only.

Both files carry the same columns, in this order, under these names; a new
column may be added at the end, none is renamed or moved. Demonstration
signatures are left out: they describe nothing real.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone

from .models import Signature

COLUMNS = (
    "collectivite",
    "nature",
    "siren",
    "code_officiel",
    "departement_code",
    "departement",
    "region_code",
    "region",
    "date_signature",
    "mandat_signataire",
)

# A spreadsheet may run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def signatories():
    return (
        Signature.objects.public()
        .filter(is_example=False)
        .order_by("collectivity__search_name", "collectivity__code")
    )


def row(signature):
    collectivity = signature.collectivity
    departement = collectivity.departement
    region = collectivity.region
    return {
        "collectivite": collectivity.name,
        "nature": collectivity.get_kind_display(),
        "siren": collectivity.siren,
        "code_officiel": collectivity.code,
        "departement_code": departement.code if departement else "",
        "departement": departement.name if departement else "",
        "region_code": region.code if region else "",
        "region": region.name if region else "",
        "date_signature": timezone.localdate(signature.signed_at).isoformat(),
        "mandat_signataire": signature.signer_mandate,
    }


def neutralise(value):
    """Keep a spreadsheet from reading a cell as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_response(signatures):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for signature in signatures:
        values = row(signature)
        writer.writerow([neutralise(values[column]) for column in COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signataires-manifeste.csv"'
    return response


def json_response(signatures):
    rows = [row(signature) for signature in signatures]
    payload = {"colonnes": list(COLUMNS), "nombre": len(rows), "signataires": rows}
    return HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
