"""The Atom feed of new and updated projects.

An entry keeps its identity (the project's address) from one publication to
the next; a new version of a record moves it up with a new ``updated`` date,
which feed readers show as an update.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.encoding import iri_to_uri
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.api.utils import get_full_url

FEED_LENGTH = 50


class ProjectFeed(Feed):
    feed_type = Atom1Feed
    language = "fr"

    def __init__(self, library, file_name):
        super().__init__()
        self.library = library
        self.file_name = file_name

    def __call__(self, request, *args, **kwargs):
        self.library_url = iri_to_uri(
            get_full_url(request, self.library.get_url(request))
        )
        return super().__call__(request, *args, **kwargs)

    def feed_url(self, library):
        return f"{self.library_url}{self.file_name}"

    def get_object(self, request, *args, **kwargs):
        return self.library

    def title(self, library):
        return _("%(library)s : projets nouveaux et mis à jour") % {
            "library": library.title
        }

    def subtitle(self, library):
        return _(
            "Les projets d'IA des collectivités, à leur première publication "
            "et à chaque mise à jour de leur fiche."
        )

    def link(self, library):
        return self.library_url

    def author_name(self, library):
        return settings.WAGTAIL_SITE_NAME

    def items(self, library):
        return (
            library.projects()
            .select_related("lead_collectivity")
            .prefetch_related("themes")
            .order_by("-last_published_at", "slug")[:FEED_LENGTH]
        )

    def item_title(self, project):
        return project.title

    def item_description(self, project):
        return project.summary

    def item_link(self, project):
        return iri_to_uri(f"{self.library_url}{project.slug}/")

    def item_pubdate(self, project):
        return project.first_published_at

    def item_updateddate(self, project):
        return project.last_published_at

    def item_author_name(self, project):
        collectivity = project.lead_collectivity
        return collectivity.name if collectivity else None

    def item_categories(self, project):
        return sorted(theme.name for theme in project.themes.all())
