"""Where each page type may live, and that editors can create them in the admin."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        """A home page can only sit directly under Wagtail's root."""
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_there_is_only_one_home_page(self):
        """The migrations create the home page, so no second one can be added."""
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_standard_page_lives_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_standard_page_holds_only_standard_pages(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_home_page_accepts_every_page_type_that_accepts_it(self):
        """The home page restricts nothing: other apps' pages can go under it."""
        accepting_home = {
            model
            for model in get_page_models()
            if model.is_creatable and HomePage in model.allowed_parent_page_models()
        }
        self.assertEqual(set(HomePage.creatable_subpage_models()), accepting_home)
        self.assertCanCreateAt(HomePage, StandardPage)


class StandardPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()

    def test_editor_creates_a_standard_page_with_every_block(self):
        """The admin form accepts a body of text, heading, quote and data block."""
        data = nested_form_data(
            {
                "title": "Mentions légales",
                "introduction": "Qui publie ce site.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Éditeur", "level": "h2"}),
                        ("paragraph", rich_text("<p>L’association.</p>")),
                        ("quote", {"text": "Une citation.", "attribution": ""}),
                        ("data_protection_summary", ""),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="mentions-legales")
        self.assertTrue(page.live)
        self.assertEqual(
            [block.block_type for block in page.body],
            ["heading", "paragraph", "quote", "data_protection_summary"],
        )

    def test_home_page_is_editable_and_previewable(self):
        data = nested_form_data(
            {
                "title": "Accueil",
                "slug": "accueil",
                "introduction": rich_text("<p>Le réseau et son manifeste.</p>"),
                "body": streamfield([]),
            }
        )
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, post_data=data)

    def test_standard_page_is_renderable_and_previewable(self):
        page = StandardPage(title="À propos", slug="a-propos")
        self.home.add_child(instance=page)
        data = nested_form_data(
            {
                "title": "À propos",
                "slug": "a-propos",
                "introduction": "",
                "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
            }
        )
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=data)
