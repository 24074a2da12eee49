"""Small builders for test data shared by every app's tests."""

from territories.models import Collectivity, Departement, Postcode, Region


def make_region(code="76", name="Occitanie"):
    region, _ = Region.objects.get_or_create(code=code, defaults={"name": name})
    return region


def make_departement(code="31", name="Haute-Garonne", region=None):
    departement, _ = Departement.objects.get_or_create(
        code=code, defaults={"name": name, "region": region or make_region()}
    )
    return departement


def make_collectivity(
    name="Labège",
    kind=Collectivity.Kind.COMMUNE,
    code="31254",
    siren="213102544",
    departement=None,
    population=4392,
    postcodes=("31670",),
):
    departement = departement or make_departement()
    collectivity = Collectivity.objects.create(
        name=name,
        kind=kind,
        code=code,
        siren=siren,
        departement=departement,
        region=departement.region,
        population=population,
    )
    Postcode.objects.bulk_create(
        Postcode(code=postcode, collectivity=collectivity) for postcode in postcodes
    )
    return collectivity
