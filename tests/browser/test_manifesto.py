"""Signing the manifesto, from reading it to the signatories page, as people do.

Each journey signs for a collectivity of its own, none of which the demo
content has signed for, so that they can run in any order on the same site.
"""

import re

from .steps import (
    arrow_down_to,
    assert_accessible,
    follow_emailed_link,
    log_in_as_moderator,
    tab_to,
)

MANIFESTO = "/manifeste/"
SIGNATORIES = "/manifeste/signataires/"
SAINT_DENIS_EMAIL = "adjointe@saint-denis.example"


def approve_in_admin(page, site, collectivity_name):
    """The moderator finds the confirmed signature in the admin and approves it."""
    log_in_as_moderator(page, site)
    page.goto(site.address("/admin/"))
    page.get_by_role("link", name="Signatures").first.click()
    page.get_by_role("link", name="En attente de modération").first.click()
    row = page.locator("tr", has_text=collectivity_name)
    row.get_by_role("link", name="Approuver").click()
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="Approuver").click()


def listed_signatories(page):
    return page.locator(".signatory-list .signatory__name").all_inner_texts()


def test_sign_confirm_approve_and_appear_among_the_signatories(
    axe, site, page, moderator_page
):
    """A visitor reads the manifesto, signs for an authority picked by typing
    part of its name, confirms from the email; once a moderator approves in
    the admin, the authority is listed on the signatories page."""
    page.goto(site.address(MANIFESTO))
    page.get_by_role("link", name=re.compile("Lire le chapitre")).first.click()
    assert page.locator("h1").inner_text()
    page.go_back()
    page.get_by_role("link", name="Signer au nom de ma collectivité").first.click()

    collectivity = page.get_by_role("combobox", name="Votre collectivité")
    collectivity.press_sequentially("Labè")
    page.get_by_role("option", name=re.compile(r"^Labège")).click()
    page.get_by_label("Votre prénom et votre nom").fill("Camille Exemple")
    page.get_by_label("Votre mandat").fill("Maire")
    page.get_by_label("Votre adresse électronique").fill("maire@labege.example")
    page.get_by_label(re.compile("J.accepte que ces informations")).check()
    page.get_by_role("button", name="Envoyer la signature").click()

    assert "Merci" in page.locator("h1").inner_text()

    follow_emailed_link(page, site, "maire@labege.example", "/confirmer/")
    assert_accessible(page)
    page.get_by_role("button", name="Je confirme la signature").click()
    assert "Labège" in page.locator("main").inner_text()
    assert_accessible(page)

    approve_in_admin(moderator_page, site, "Labège")

    page.goto(site.address(SIGNATORIES))
    assert any("Labège" in name for name in listed_signatories(page))


def test_sign_and_browse_the_signatories_without_javascript(
    site, page_without_script, moderator_page
):
    """With JavaScript off, the visitor types a name that several authorities
    share, chooses among the matches the form offers, confirms from the
    email; after approval the authority is found on the signatories page by
    its région filter."""
    page = page_without_script
    page.goto(site.address(MANIFESTO + "signer/"))

    page.get_by_label("Votre collectivité").fill("Saint-Denis")
    page.get_by_label("Votre prénom et votre nom").fill("Dominique Exemple")
    page.get_by_label("Votre mandat").fill("Adjointe au maire")
    page.get_by_label("Votre adresse électronique").fill(SAINT_DENIS_EMAIL)
    page.get_by_label(re.compile("J.accepte que ces informations")).check()
    page.get_by_role("button", name="Envoyer la signature").click()

    page.get_by_role("radio", name=re.compile(r"Saint-Denis \(93\)")).check()
    assert page.get_by_label("Votre mandat").input_value() == "Adjointe au maire"
    page.get_by_label(re.compile("J.accepte que ces informations")).check()
    page.get_by_role("button", name="Envoyer la signature").click()

    assert "Merci" in page.locator("h1").inner_text()

    follow_emailed_link(page, site, SAINT_DENIS_EMAIL, "/confirmer/")
    page.get_by_role("button", name="Je confirme la signature").click()
    approve_in_admin(moderator_page, site, "Saint-Denis")

    page.goto(site.address(SIGNATORIES))
    page.get_by_label("Région").select_option(label="Île-de-France")
    page.get_by_role("button", name="Afficher").click()
    names = listed_signatories(page)
    assert any("Saint-Denis" in name for name in names)
    assert not any("Rennes" in name for name in names)


def test_sign_with_the_keyboard_only(site, page):
    """Tab, Enter and Space alone: the visitor reaches the form from the
    manifesto, picks the authority in the suggestions, fills the form,
    ticks the consent box, sends, and confirms from the email."""
    page.goto(site.address(MANIFESTO))
    tab_to(page, "a[href$='/signer/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab_to(page, "form.signing-form input[role=combobox]")
    page.keyboard.type("Brest")
    arrow_down_to(page, page.get_by_role("option", name=re.compile(r"^Brest \(29\)")))
    page.keyboard.press("Enter")
    tab_to(page, "input[name=signer_name]")
    page.keyboard.type("Alex Exemple")
    tab_to(page, "input[name=signer_mandate]")
    page.keyboard.type("Maire")
    tab_to(page, "input[name=email]")
    page.keyboard.type("maire@brest.example")
    tab_to(page, "input[name=consent]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "Merci" in page.locator("h1").inner_text()

    follow_emailed_link(page, site, "maire@brest.example", "/confirmer/")
    tab_to(page, "main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Brest" in page.locator("main").inner_text()


def test_browse_the_signatories_with_the_keyboard_only(site, page):
    """Tab to the région filter, type to choose Bretagne, Enter on the button:
    only the signatories of Bretagne are listed."""
    page.goto(site.address(SIGNATORIES))

    tab_to(page, "select[name=region]")
    page.keyboard.type("Bretagne")
    tab_to(page, ".signatory-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    names = listed_signatories(page)
    assert any("Rennes" in name for name in names)
    assert not any("Grenoble" in name for name in names)
