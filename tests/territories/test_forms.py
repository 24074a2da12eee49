"""The collectivity field that other forms use, with and without JavaScript."""

import re

import pytest
from django import forms
from django.http import QueryDict

from territories.forms import CollectivityField, PickerValue
from territories.models import Collectivity, Postcode
from tests.factories import make_collectivity, make_departement, make_region

pytestmark = pytest.mark.django_db


class SigningForm(forms.Form):
    collectivity = CollectivityField(label="Votre collectivité")
    signer = forms.CharField()


def submit(collectivity="", chosen=(), signer="Camille"):
    data = QueryDict(mutable=True)
    data["collectivity"] = collectivity
    data.setlist("collectivity_id", [str(value) for value in chosen])
    data["signer"] = signer
    return SigningForm(data)


@pytest.fixture
def saint_denis(db):
    """Two communes of the same name, in different départements."""
    ile_de_france = make_region("11", "Île-de-France")
    seine_saint_denis = make_departement("93", "Seine-Saint-Denis", ile_de_france)
    aude = make_departement("11", "Aude", make_region("76", "Occitanie"))
    return {
        "93": make_collectivity(
            "Saint-Denis",
            code="93066",
            siren="219300662",
            departement=seine_saint_denis,
            population=113000,
            postcodes=("93200", "93210"),
        ),
        "11": make_collectivity(
            "Saint-Denis",
            code="11339",
            siren="211103391",
            departement=aude,
            population=500,
            postcodes=("11310",),
        ),
    }


def radio_values(html):
    return re.findall(r'type="radio" name="collectivity_id" value="(\d+)"', html)


def test_unique_postcode_is_accepted_at_once(small_register):
    """A postcode that only one commune has cleans to that commune."""
    form = submit("31670")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["collectivity"] == small_register["labege"]


def test_siren_and_code_are_accepted_at_once(small_register):
    """A SIREN or an INSEE code cleans to its collectivity."""
    assert submit("213102544").is_valid()
    form = submit("31254")
    assert form.is_valid()
    assert form.cleaned_data["collectivity"] == small_register["labege"]


def test_name_that_only_one_has_is_accepted_at_once(small_register):
    """ "Labège", the name of one collectivity only, needs no further choice."""
    form = submit("labège")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["collectivity"] == small_register["labege"]


def test_ambiguous_name_asks_to_choose_among_the_matches(saint_denis):
    """Without JavaScript, a shared name brings the form back with radio buttons.

    The error asks to choose in the list, the matches are offered in a fieldset
    with a legend, and what was typed in every field is kept.
    """
    form = submit("Saint-Denis", signer="Camille Martin")
    assert not form.is_valid()
    assert form.errors["collectivity"] == [
        "Choisissez votre collectivité dans la liste."
    ]
    html = str(form["collectivity"])
    assert radio_values(html) == [str(saint_denis["93"].pk), str(saint_denis["11"].pk)]
    assert "<fieldset" in html and "<legend>" in html
    assert "Collectivités correspondant à « Saint-Denis »" in html
    assert 'value="Saint-Denis"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Camille Martin"' in str(form["signer"])


def test_match_chosen_from_the_list_is_accepted(saint_denis):
    """The radio button chosen among the matches of the same text is the answer."""
    form = submit("Saint-Denis", chosen=["", saint_denis["11"].pk])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["collectivity"] == saint_denis["11"]


def test_choice_made_by_the_script_is_accepted(saint_denis):
    """The label and id that the combobox writes designate the chosen match."""
    form = submit("Saint-Denis (93)", chosen=[saint_denis["93"].pk])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["collectivity"] == saint_denis["93"]


def test_choice_for_a_former_text_gives_way_to_the_new_text(
    saint_denis, small_register
):
    """A visitor who typed something else after choosing gets what they typed."""
    form = submit("31670", chosen=[saint_denis["93"].pk])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["collectivity"] == small_register["labege"]


def test_forged_choice_of_a_commune_deleguee_is_refused(small_register):
    """An id outside the signable authorities is never accepted."""
    form = submit("Labège-le-Vieux", chosen=[small_register["deleguee"].pk])
    assert not form.is_valid()


def test_unknown_text_says_nothing_matches(small_register):
    """A text that matches nothing is named in the error, with what to try."""
    form = submit("Zzyzx")
    assert not form.is_valid()
    assert form.errors["collectivity"] == [
        "Aucune collectivité ne correspond à « Zzyzx ». Essayez le nom, le code "
        "postal ou le SIREN."
    ]
    assert radio_values(str(form["collectivity"])) == []


def test_empty_field_is_required_with_a_french_message(small_register):
    """Nothing typed: the field asks for a name, postcode or SIREN."""
    form = submit("", chosen=[small_register["labege"].pk])
    assert not form.is_valid()
    assert form.errors["collectivity"] == [
        "Indiquez votre collectivité : son nom, son code postal ou son SIREN."
    ]


def test_optional_field_may_stay_empty(db):
    class OptionalForm(forms.Form):
        collectivity = CollectivityField(required=False)

    form = OptionalForm({"collectivity": ""})
    assert form.is_valid()
    assert form.cleaned_data["collectivity"] is None


def test_accepted_collectivity_is_shown_by_its_label_when_the_form_comes_back(
    saint_denis,
):
    """When another field fails, the chosen collectivity stays chosen."""
    form = submit("Saint-Denis", chosen=[saint_denis["93"].pk], signer="")
    assert not form.is_valid()
    assert "collectivity" not in form.errors
    html = str(form["collectivity"])
    assert 'value="Saint-Denis (93)"' in html
    assert f'name="collectivity_id" value="{saint_denis["93"].pk}"' in html
    assert radio_values(html) == []


def test_initial_collectivity_is_shown_with_its_id(small_register):
    """A form opened on an existing collectivity shows its label and keeps its id."""
    labege = small_register["labege"]
    form = SigningForm(initial={"collectivity": labege.pk})
    html = str(form["collectivity"])
    assert 'value="Labège (31)"' in html
    assert f'name="collectivity_id" value="{labege.pk}"' in html


def test_field_can_search_another_set_of_collectivities(small_register):
    """``queryset`` narrows what the field accepts, here to EPCI."""

    class EpciForm(forms.Form):
        collectivity = CollectivityField(
            queryset=Collectivity.objects.signable().filter(
                kind__in=Collectivity.EPCI_KINDS
            )
        )

    assert not EpciForm({"collectivity": "31670"}).is_valid()
    form = EpciForm({"collectivity": "243100633"})
    assert form.is_valid()
    assert form.cleaned_data["collectivity"] == small_register["sicoval"]


def test_widget_brings_its_script_and_search_address(small_register):
    """The form's media load the combobox script, which knows where to search."""
    form = SigningForm()
    assert "territories/picker.js" in str(form.media)
    assert 'data-search-url="/collectivites/recherche.json"' in str(
        form["collectivity"]
    )


def test_label_points_to_the_text_input(small_register):
    """The field's label is tied to the text input that one types in."""
    form = SigningForm()
    label = form["collectivity"].label_tag()
    assert 'for="id_collectivity"' in label
    assert 'type="text" name="collectivity"' in str(form["collectivity"])
    assert 'id="id_collectivity"' in str(form["collectivity"])


def test_value_read_from_a_plain_dict():
    """Data given as a plain dict (as in tests or APIs) is read too."""
    widget = CollectivityField().widget
    value = widget.value_from_datadict(
        {"collectivity": "Labège", "collectivity_id": "12"}, {}, "collectivity"
    )
    assert value == PickerValue("Labège", "12")


def test_model_form_saves_the_chosen_collectivity(small_register):
    """In a model form, the field fills a foreign key to a collectivity."""

    class PostcodeForm(forms.ModelForm):
        collectivity = CollectivityField(queryset=Collectivity.objects.all())

        class Meta:
            model = Postcode
            fields = ["code", "collectivity"]

    form = PostcodeForm({"code": "31999", "collectivity": "213105554"})
    assert form.is_valid(), form.errors
    postcode = form.save()
    assert postcode.collectivity == small_register["toulouse"]

    edited = PostcodeForm(instance=postcode)
    assert 'value="Toulouse (31)"' in str(edited["collectivity"])
    unchanged = PostcodeForm(
        {"code": "31999", "collectivity": "Toulouse (31)"}, instance=postcode
    )
    assert unchanged.is_valid()
    assert unchanged.changed_data == []
