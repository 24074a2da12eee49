from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import browsing, services
from .models import LibraryIndexPage, ProjectPage


@receiver(post_save, sender=LibraryIndexPage)
def set_up_moderation(sender, instance, created, raw=False, **kwargs):
    """Projects under a new library go through the library's moderation."""
    if created and not raw:
        services.set_up_moderation(instance)


@receiver(page_published, sender=ProjectPage)
def notify_submitter_of_publication(sender, instance, **kwargs):
    services.notify_submitter_of_publication(instance)


def forget_assessment_counts(**kwargs):
    browsing.summary_counts.invalidate()


def forget_assessment_counts_for_pages(sender, **kwargs):
    if issubclass(sender, Page):
        forget_assessment_counts()


# The library's summary counts its live public projects: any page published,
# unpublished, moved, saved or deleted, or any view restriction changed, may
# change it.
for _name, _signal in {
    "published": page_published,
    "unpublished": page_unpublished,
    "moved": post_page_move,
}.items():
    _signal.connect(
        forget_assessment_counts, dispatch_uid=f"library-assessment-counts-{_name}"
    )
for _name, _signal in {"saved": post_save, "deleted": post_delete}.items():
    _signal.connect(
        forget_assessment_counts_for_pages,
        dispatch_uid=f"library-assessment-counts-page-{_name}",
    )
    _signal.connect(
        forget_assessment_counts,
        sender=PageViewRestriction,
        dispatch_uid=f"library-assessment-counts-restriction-{_name}",
    )
