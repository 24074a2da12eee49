"""Every public task works with JavaScript off."""


def test_search_a_collectivity_without_javascript(site, page_without_script):
    """The collectivity search answers a plain form submission."""
    page = page_without_script
    page.goto(site.address("/collectivites/recherche/"))

    form = page.locator("main form")
    form.get_by_label("Nom, code postal, code INSEE ou SIREN").fill("31670")
    with page.expect_navigation():
        form.get_by_role("button", name="Rechercher").click()

    results = page.locator(".collectivity-search__list li")
    assert "Labège" in results.first.inner_text()
