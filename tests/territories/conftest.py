"""Fixtures of the register's tests."""

import pytest

from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement, make_region


@pytest.fixture
def small_register(db):
    """A few collectivities of each sort, named to exercise the matching rules."""
    occitanie = make_region("76", "Occitanie")
    ara = make_region("84", "Auvergne-Rhône-Alpes")
    make_departement("31", "Haute-Garonne", occitanie)
    loire = make_departement("42", "Loire", ara)
    seine_maritime = make_departement(
        "76", "Seine-Maritime", make_region("28", "Normandie")
    )
    corse_du_sud = make_departement("2A", "Corse-du-Sud", make_region("94", "Corse"))
    kind = Collectivity.Kind
    return {
        "labege": make_collectivity(),
        "toulouse": make_collectivity(
            "Toulouse",
            code="31555",
            siren="213105554",
            population=504078,
            postcodes=("31000", "31100", "31200", "31300", "31400", "31500"),
        ),
        "vieille_toulouse": make_collectivity(
            "Vieille-Toulouse",
            code="31575",
            siren="213105752",
            population=1200,
            postcodes=("31320",),
        ),
        "saint_etienne": make_collectivity(
            "Saint-Étienne",
            code="42218",
            siren="214202186",
            departement=loire,
            population=172718,
            postcodes=("42000", "42100"),
        ),
        "saint_etienne_du_rouvray": make_collectivity(
            "Saint-Étienne-du-Rouvray",
            code="76575",
            siren="217605757",
            departement=seine_maritime,
            population=28000,
            postcodes=("76800",),
        ),
        "ajaccio": make_collectivity(
            "Ajaccio",
            code="2A004",
            siren="212000046",
            departement=corse_du_sud,
            population=73000,
            postcodes=("20000", "20090"),
        ),
        "sicoval": make_collectivity(
            "CA du Sicoval",
            kind=kind.CA,
            code="243100633",
            siren="243100633",
            population=80000,
            postcodes=(),
        ),
        "toulouse_metropole": make_collectivity(
            "Toulouse Métropole",
            kind=kind.METROPOLE,
            code="243100518",
            siren="243100518",
            population=800000,
            postcodes=(),
        ),
        "haute_garonne": make_collectivity(
            "Haute-Garonne",
            kind=kind.DEPARTEMENT,
            code="31",
            siren="",
            population=1400000,
            postcodes=(),
        ),
        "occitanie": Collectivity.objects.create(
            name="Occitanie",
            kind=kind.REGION,
            code="76",
            region=occitanie,
            population=6000000,
        ),
        "seine_maritime": make_collectivity(
            "Seine-Maritime",
            kind=kind.DEPARTEMENT,
            code="76",
            siren="",
            departement=seine_maritime,
            population=1250000,
            postcodes=(),
        ),
        # Parts of communes, which the picker never offers.
        "deleguee": make_collectivity(
            "Labège-le-Vieux",
            kind=kind.COMMUNE_DELEGUEE,
            code="31999",
            siren="",
            population=None,
            postcodes=("31670",),
        ),
        "associee": make_collectivity(
            "Toulouse-Associée",
            kind=kind.COMMUNE_ASSOCIEE,
            code="31998",
            siren="",
            population=None,
            postcodes=(),
        ),
    }
