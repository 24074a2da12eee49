from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from . import services
from .models import LibraryIndexPage, ProjectPage


@receiver(post_save, sender=LibraryIndexPage)
def set_up_moderation(sender, instance, created, raw=False, **kwargs):
    """Projects under a new library go through the library's moderation."""
    if created and not raw:
        services.set_up_moderation(instance)


@receiver(page_published, sender=ProjectPage)
def notify_submitter_of_publication(sender, instance, **kwargs):
    services.notify_submitter_of_publication(instance)
