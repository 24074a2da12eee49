"""The public record of a project: every field, the assessment, the history."""

import datetime
import html

import pytest
from django.utils import timezone

from library import assessment

from .builders import fill_every_field, make_capability, make_project, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_project(library_index, water_theme, vision):
    page = make_project(
        library_index,
        "Détection des fuites d'eau",
        themes=[water_theme],
        capabilities=[vision],
        publish=False,
    )
    fill_every_field(page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def text_of(response):
    return html.unescape(response.content.decode())


def test_the_record_shows_every_field(client, full_project):
    """Each field of the record, in each section, appears on the public page."""
    response = client.get(full_project.url)
    assert response.status_code == 200
    content = text_of(response)
    expected = [
        "Détection des fuites d'eau",
        "Repérer les fuites du réseau d'eau potable.",
        "Labège",
        "Toulouse",
        "Partage des données de son réseau",
        "Eau et assainissement",
        "Mars 2022",
        "Juin 2024",
        "Pilote",
        "https://www.example.org/fuites",
        "Direction du cycle de l'eau",
        "mailto:eau@example.org",
        "Un quart de l'eau potable se perd en fuites.",
        "Réduire les pertes de 20 %.",
        "Les abonnés du réseau.",
        "Une recherche acoustique manuelle.",
        "Trois fuites majeures repérées en six mois.",
        "De 50 000 à 200 000 €",
        "Budget propre de la collectivité",
        "Fonds européens",
        "Fonds FEDER pour moitié.",
        "Un chef de projet à mi-temps",
        "De 6 à 12 mois",
        "Science des données, hydraulique.",
        "Hydro Données",
        "(entreprise)",
        "Développement du modèle",
        "Marché public",
        "Marché à procédure adaptée de deux ans.",
        "Apprentissage automatique",
        "Vision par ordinateur",
        "Index horaires des compteurs.",
        "Capteurs et objets connectés",
        "Prestataire en France",
        "Hébergeur qualifié SecNumCloud.",
        "https://code.example.org/fuites",
        "EUPL 1.2",
        "Données et modèle restitués en fin de marché.",
        "Pertes réduites de 12 % la première année.",
        "Aucun effet sur l'accès au service.",
        "Les fontainiers interviennent plus tôt.",
        "Environ 40 kWh par an de calcul.",
        "Mesure de la consommation du serveur.",
        "Alertes relues par un technicien.",
        "Un agent valide chaque intervention.",
        "Comité de cinq membres dont deux habitants.",
        "Conception",
        "Évaluation",
        "Réunion publique de présentation.",
        "Demande écrite au service de l'eau.",
        "Mission d'intérêt public",
        "Délibération du 12 mai 2022.",
        "Réalisée",
        "Commencer par un quartier pilote.",
        "Cahier des charges",
        "Version 2",
        "Rapport d'évaluation",
        "https://example.org/rapport",
        "Un compteur d'eau relevé à distance",
    ]
    missing = [value for value in expected if value not in content]
    assert missing == []


def test_sections_follow_the_order_of_the_record(client, full_project):
    content = text_of(client.get(full_project.url))
    headings = [
        "En bref",
        "Finalité et utilité",
        "Moyens",
        "Partenaires",
        "Technique",
        "Impacts",
        "Gouvernance et éthique",
        "Réutilisation",
        "Évaluation au regard du manifeste",
        "Fiche et versions",
    ]
    positions = [content.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)


def test_collectivities_link_to_their_profiles(client, full_project):
    content = text_of(client.get(full_project.url))
    assert 'href="/collectivites/213102544/"' in content
    assert 'href="/collectivites/213105554/"' in content


def test_the_illustration_is_a_sized_webp_rendition(client, full_project):
    content = text_of(client.get(full_project.url))
    assert ".fill-960x540.format-webp" in content
    assert ".fill-480x270.format-webp" in content
    assert 'alt="Un compteur d\'eau relevé à distance"' in content


def test_the_assessment_panel_writes_out_each_answer(client, full_project):
    """Every criterion shows its answer in words; the stylesheet adds a sign."""
    content = text_of(client.get(full_project.url))
    for criterion in assessment.CRITERIA:
        assert str(criterion.label) in content
        assert f"Preuve pour {criterion.key}" in content
    assert content.count(
        '<td class="assessment__answer answer--en-partie">En partie</td>'
    ) == len(assessment.CRITERIA)


def test_long_texts_keep_their_paragraphs_and_line_breaks(client, library_index):
    """Several paragraphs are ``<p>`` elements; a single one stays plain text."""
    page = make_project(
        library_index,
        problem="Des fuites <discrètes>.\n\nDes mois sans les voir.",
        objectives="Réduire les pertes.\nRéparer plus tôt.",
    )

    content = client.get(page.url).content.decode()

    assert "<p>Des fuites &lt;discrètes&gt;.</p>" in content
    assert "<p>Des mois sans les voir.</p>" in content
    assert "<dd>Réduire les pertes.<br>Réparer plus tôt." in content


def test_the_record_shows_its_dates_and_schema_version(client, full_project):
    content = text_of(client.get(full_project.url))
    today = timezone.localdate()
    next_year = today + datetime.timedelta(days=365)
    assert "Première publication" in content
    assert "Dernière mise à jour" in content
    assert "Prochaine revue" in content
    assert str(next_year.year) in content
    assert "Version du schéma de la fiche" in content
    assert full_project.record_schema_version in content


def test_the_record_offers_to_suggest_an_update(client, full_project):
    content = text_of(client.get(full_project.url))
    assert "Suggérer une mise à jour ou signaler une erreur" in content
    assert f'href="{full_project.url}signaler/"' in content


def test_a_fictional_example_says_so(client, library_index):
    page = make_project(library_index, is_fictional_example=True)
    assert "Exemple fictif" in text_of(client.get(page.url))


def test_a_sparse_record_says_what_is_missing(client, library_index):
    page = make_project(library_index)
    content = text_of(client.get(page.url))
    assert "Cette partie n'est pas encore renseignée." in content
    assert "Non renseigné" in content


def test_related_projects_share_a_theme_or_a_capability(client, library_index):
    water = make_theme("Eau et assainissement")
    energy = make_theme("Énergie")
    forecasting = make_capability("Prévision")
    page = make_project(library_index, "Fuites", themes=[water])
    make_project(library_index, "Qualité de l'eau", themes=[water])
    make_project(library_index, "Prévision des crues", capabilities=[forecasting])
    make_project(library_index, "Éclairage public", themes=[energy])
    draft = make_project(
        library_index, "Brouillon sur l'eau", themes=[water], publish=False
    )

    related = page.related_projects()

    assert [project.title for project in related] == ["Qualité de l'eau"]
    content = text_of(client.get(page.url))
    assert "Projets proches" in content
    assert draft.title not in content


# ----- History of published versions -----


def republish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_history_lists_versions_and_what_changed(client, library_index):
    page = make_project(library_index, summary="Premier résumé.")
    page = republish(page, summary="Résumé corrigé.", phase="en-production")

    response = client.get(f"{page.url}historique/")

    assert response.status_code == 200
    content = text_of(response)
    assert "Version 2" in content
    assert "Version 1" in content
    assert "Première publication de la fiche." in content
    assert "Premier résumé." in content
    assert "Résumé corrigé." in content
    assert "En production" in content
    changed = response.context["versions"][0].changes
    assert [change.name for change in changed] == ["summary", "phase"]


def test_history_compares_any_two_published_versions(client, library_index):
    page = make_project(library_index, summary="Un.")
    page = republish(page, summary="Deux.")
    page = republish(page, objectives="Trois objectifs.")
    versions = client.get(f"{page.url}historique/").context["versions"]
    newest, oldest = versions[0].revision_id, versions[-1].revision_id

    response = client.get(f"{page.url}historique/", {"de": oldest, "a": newest})

    changes = response.context["comparison"]["changes"]
    assert [change.name for change in changes] == ["summary", "objectives"]
    assert changes[0].before == "Un."
    assert changes[0].after == "Deux."


def test_tables_of_changes_scroll_in_a_region_named_by_their_heading(
    client, library_index
):
    """On a narrow screen a table of changes scrolls in its own box, not the page."""
    page = make_project(library_index, summary="Un.")
    page = republish(page, summary="Deux.")
    versions = client.get(f"{page.url}historique/").context["versions"]
    newest, oldest = versions[0].revision_id, versions[-1].revision_id

    content = text_of(client.get(f"{page.url}historique/", {"de": oldest, "a": newest}))

    for heading in ("comparison-heading", "version-2-heading"):
        assert f'id="{heading}"' in content
        assert (
            '<div class="table-scroll" role="region" tabindex="0" '
            f'aria-labelledby="{heading}">\n<table class="version-changes__table">'
        ) in content


def test_history_ignores_versions_that_were_not_published(client, library_index):
    page = make_project(library_index, summary="Publié.")
    draft = page.get_latest_revision_as_object()
    draft.summary = "Brouillon jamais publié."
    revision = draft.save_revision()

    response = client.get(
        f"{page.url}historique/", {"de": revision.pk, "a": revision.pk}
    )

    assert response.context["comparison"] is None
    assert "Brouillon jamais publié." not in text_of(response)


def test_the_record_links_to_its_history(client, library_index):
    page = make_project(library_index)
    page = republish(page, summary="Nouveau résumé.")
    content = text_of(client.get(page.url))
    assert f'href="{page.url}historique/"' in content
    assert "(2 versions)" in content
