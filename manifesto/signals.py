from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Signature


@receiver(post_delete, sender=Signature)
def delete_logo_file(sender, instance, **kwargs):
    """A deleted signature leaves no logo behind in the media folder."""
    if instance.logo:
        instance.logo.delete(save=False)
