"""Forget the cached site shell (``home.shell``) when what it shows changes.

The shell holds the home page, the pages of the main menu, the legal pages and
the site settings: publishing, unpublishing, moving, saving or deleting any
page, changing a view restriction, a site, the site settings or an image
makes every site's shell be built again on the next page view. Changes are
rare next to page views; telling which of them touch a menu is not worth the
risk of missing one.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import shell
from .models import SiteSettings


def invalidate_shell(**kwargs):
    shell.invalidate()


def invalidate_shell_for_settings(created=False, **kwargs):
    # Settings are created with their defaults when first read, in the very
    # build of a shell, which they leave as it is.
    if not created:
        invalidate_shell()


def invalidate_shell_for_pages(sender, **kwargs):
    if issubclass(sender, Page):
        invalidate_shell()


def connect():
    wagtail_signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
    }
    for name, signal in wagtail_signals.items():
        signal.connect(invalidate_shell, dispatch_uid=f"home-shell-page-{name}")
    image_model = get_image_model()
    models = (PageViewRestriction, Site, image_model)
    post_save.connect(
        invalidate_shell_for_settings,
        sender=SiteSettings,
        dispatch_uid="home-shell-sitesettings-saved",
    )
    post_delete.connect(
        invalidate_shell,
        sender=SiteSettings,
        dispatch_uid="home-shell-sitesettings-deleted",
    )
    # A rendition is replaced (deleted) when its image changes; a new one
    # changes no address already given out.
    post_delete.connect(
        invalidate_shell,
        sender=image_model.get_rendition_model(),
        dispatch_uid="home-shell-rendition-deleted",
    )
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        # Any page model: senders are the specific classes.
        signal.connect(invalidate_shell_for_pages, dispatch_uid=f"home-shell-{name}")
        for model in models:
            signal.connect(
                invalidate_shell,
                sender=model,
                dispatch_uid=f"home-shell-{model._meta.label_lower}-{name}",
            )
