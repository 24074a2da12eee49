"""The manifesto page, its chapters, and the addresses its routes hold."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from manifesto.models import ManifestoChapterPage, ManifestoPage, Signature

from .conftest import add_chapter, make_signature

pytestmark = pytest.mark.django_db


def test_manifesto_page_shows_introduction_chapters_in_order_and_count(
    client, chapters, labege, rennes
):
    """The page reads as the whole manifesto: numbered chapters, numbered items."""
    make_signature(labege)
    make_signature(rennes, status=Signature.Status.AWAITING_MODERATION)

    response = client.get("/manifeste/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "action publique locale." in html
    assert html.index("Une IA sociale") < html.index("Une IA ouverte et démocratique")
    assert "Chapitre 1" in html and "Chapitre 2" in html
    assert "Principe 1.1" in html and "Principe 1.2" in html
    assert "Engagement 1.1" in html and "Engagement 2.1" in html
    assert "<strong>1</strong> collectivité" in html
    assert 'href="/manifeste/signer/"' in html
    assert 'href="/manifeste/signataires/"' in html


def test_chapter_follows_the_order_editors_give(client, manifesto_page, chapters):
    """Moving a chapter first in the admin renumbers every chapter."""
    chapters[1].move(chapters[0], pos="left")

    response = client.get("/manifeste/")

    html = response.content.decode()
    assert html.index("Une IA ouverte et démocratique") < html.index("Une IA sociale")
    chapter = ManifestoChapterPage.objects.get(slug="une-ia-ouverte")
    assert chapter.number == 1


def test_chapter_page_shows_its_number_and_blocks(client, chapters):
    response = client.get("/manifeste/une-ia-ouverte/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Chapitre 2" in html
    assert "Engagement 2.1" in html
    assert "Nous publions nos algorithmes" in html


def test_draft_chapter_is_left_out_of_the_manifesto(client, manifesto_page, chapters):
    chapters[0].unpublish()

    html = client.get("/manifeste/").content.decode()

    assert "Une IA sociale" not in html
    assert "Chapitre 1" in html and "Une IA ouverte" in html


@pytest.mark.parametrize("slug", ["signer", "signataires", "confirmer", "retirer"])
def test_chapter_cannot_take_the_slug_of_a_route(manifesto_page, slug):
    """A chapter at /manifeste/signer/ would never be reached: it is refused."""
    with pytest.raises(ValidationError) as raised:
        add_chapter(manifesto_page, "Signer", slug)

    assert "slug" in raised.value.message_dict


def test_routes_come_before_a_child_page_with_the_same_slug(client, manifesto_page):
    """Even a chapter saved without validation cannot hide the signatories page."""
    chapter = add_chapter(manifesto_page, "Intrus", "intrus")
    ManifestoChapterPage.objects.filter(pk=chapter.pk).update(slug="signataires")

    response = client.get("/manifeste/signataires/")

    assert response.status_code == 200
    assert "Les signataires du manifeste" in response.content.decode()


def test_reserved_slugs_are_the_first_segments_of_the_routes():
    assert ManifestoPage.reserved_slugs() == {
        "signer",
        "confirmer",
        "retirer",
        "signataires",
    }


def test_only_one_manifesto_under_the_home_page(manifesto_page, home_page):
    assert not ManifestoPage.can_create_at(home_page)


def test_sitemap_lists_the_signatories_page(client, manifesto_page):
    response = client.get("/sitemap.xml")

    assert "/manifeste/signataires/" in response.content.decode()


def test_editors_open_the_manifesto_and_its_chapters_in_the_admin(
    admin_client, manifesto_page, chapters
):
    for page in (manifesto_page, chapters[0]):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

        assert response.status_code == 200


def test_editors_add_a_chapter_from_the_admin(admin_client, manifesto_page):
    url = f"/admin/pages/add/manifesto/manifestochapterpage/{manifesto_page.pk}/"

    data = nested_form_data(
        {
            "title": "Une IA sobre",
            "slug": "une-ia-sobre",
            "summary": "",
            "body": streamfield(
                [
                    (
                        "principle",
                        {
                            "title": "Le plus simple qui suffit",
                            "text": rich_text("<p>La solution la plus frugale.</p>"),
                        },
                    )
                ]
            ),
        }
    )
    data["action-publish"] = "publish"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    chapter = ManifestoChapterPage.objects.get(slug="une-ia-sobre")
    assert chapter.live
    assert chapter.body[0].value["title"] == "Le plus simple qui suffit"


def test_admin_refuses_a_chapter_slug_taken_by_a_route(admin_client, manifesto_page):
    url = f"/admin/pages/add/manifesto/manifestochapterpage/{manifesto_page.pk}/"

    response = admin_client.post(
        url, {"title": "Signer", "slug": "signer", "body-count": "0"}
    )

    assert response.status_code == 200
    assert "déjà utilisé par une adresse du manifeste" in response.content.decode()
    assert not ManifestoChapterPage.objects.filter(slug="signer").exists()
