"""Every text a visitor can type into a public form has a maximum length."""

import pytest
from django import forms

from library.forms import ProposalForm, SuggestionForm
from manifesto.filters import SignatoryFilterForm
from manifesto.forms import SignatureForm
from territories.views import CollectivitySearchForm

pytestmark = pytest.mark.django_db

# Bounded otherwise: the search cuts the text at MAX_QUERY_LENGTH.
CUT_BY_THE_VIEW = {("collectivity search", "q")}

PUBLIC_FORMS = {
    "signature": lambda: SignatureForm(),
    "signatory filters": lambda: SignatoryFilterForm(None, regions=[]),
    "collectivity search": lambda: CollectivitySearchForm(),
    "proposal": lambda: ProposalForm(),
    "suggestion": lambda: SuggestionForm(),
}


@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_every_text_field_of_public_forms_is_bounded(name):
    form = PUBLIC_FORMS[name]()

    unbounded = [
        field_name
        for field_name, field in form.fields.items()
        if isinstance(field, forms.CharField)
        and not field.max_length
        and (name, field_name) not in CUT_BY_THE_VIEW
    ]

    assert unbounded == [], f"{name}: {unbounded}"


@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_too_long_text_is_a_field_error(name):
    """One character past the bound is refused with a message on the field."""
    form = PUBLIC_FORMS[name]()
    text_fields = {
        field_name: field
        for field_name, field in form.fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, forms.EmailField | forms.URLField)
        and (name, field_name) not in CUT_BY_THE_VIEW
    }
    data = {
        field_name: "a" * (field.max_length + 1)
        for field_name, field in text_fields.items()
    }
    bound = (
        form.__class__(data)
        if name != "signatory filters"
        else SignatoryFilterForm(data, regions=[])
    )

    bound.is_valid()

    for field_name in text_fields:
        assert field_name in bound.errors, f"{name}.{field_name}"


def test_collectivity_search_cuts_long_text(client, labege):
    """The search page and JSON take any length but search a bounded text."""
    long_query = "labège " + "x" * 5000

    page = client.get("/collectivites/recherche/", {"q": long_query})
    as_json = client.get("/collectivites/recherche.json", {"q": long_query})

    assert page.status_code == 200
    assert as_json.status_code == 200
    assert "x" * 300 not in page.content.decode()
