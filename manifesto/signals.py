"""Logo files follow their signature: replaced, cleared or deleted, they go."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import Signature


def _logo_may_change(instance, update_fields):
    return instance.pk and (update_fields is None or "logo" in update_fields)


@receiver(pre_save, sender=Signature)
def remember_stored_logo(sender, instance, update_fields=None, **kwargs):
    if _logo_may_change(instance, update_fields):
        stored = Signature.objects.filter(pk=instance.pk).values_list("logo", flat=True)
        instance._stored_logo = stored.first() or ""


@receiver(post_save, sender=Signature)
def delete_replaced_logo(sender, instance, **kwargs):
    stored = getattr(instance, "_stored_logo", "")
    if stored and stored != instance.logo.name:
        instance.logo.storage.delete(stored)
    instance._stored_logo = instance.logo.name


@receiver(post_delete, sender=Signature)
def delete_logo_file(sender, instance, **kwargs):
    if instance.logo:
        instance.logo.delete(save=False)
