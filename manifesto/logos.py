"""Logos sent with signatures: checked by their content, stored resized.

A logo is accepted when Pillow reads it as PNG, JPEG or WebP within the size
and pixel bounds below, whatever its file name says; SVG and every other
format are refused. The stored copy is re-encoded as WebP, small enough for
the list of signatories, which also drops any metadata the file carried.
"""

import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MIN_PIXELS = 32
LOGO_MAX_PIXELS = 4000
# The stored copy fits in this box: twice the size it is shown at.
STORED_BOX = (480, 240)


@dataclass(frozen=True)
class LogoFormat:
    label: str
    extension: str


LOGO_FORMATS = {
    "PNG": LogoFormat("PNG", "png"),
    "JPEG": LogoFormat("JPEG", "jpg"),
    "WEBP": LogoFormat("WebP", "webp"),
}


def _open(file):
    if hasattr(file, "seek"):
        file.seek(0)
    try:
        image = Image.open(file)
        image.verify()
        # verify() leaves the image unusable: open it again to read it.
        file.seek(0)
        return Image.open(file)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Ce fichier n'est pas une image lisible (PNG, JPEG ou WebP)."),
            code="unreadable",
        ) from error


def check_logo(file):
    """Raise ValidationError unless the file is a logo we accept; return it open."""
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Le logo pèse %(size)s ; le maximum est %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(LOGO_MAX_BYTES),
            },
        )
    image = _open(file)
    if image.format not in LOGO_FORMATS:
        raise ValidationError(
            _("Le logo doit être une image PNG, JPEG ou WebP (les SVG sont refusés)."),
            code="format",
        )
    width, height = image.size
    if min(width, height) < LOGO_MIN_PIXELS:
        raise ValidationError(
            _("Le logo est trop petit : au moins %(minimum)d pixels de côté."),
            code="too_small",
            params={"minimum": LOGO_MIN_PIXELS},
        )
    if max(width, height) > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("Le logo est trop grand : au plus %(maximum)d pixels de côté."),
            code="too_many_pixels",
            params={"maximum": LOGO_MAX_PIXELS},
        )
    return image


def validate_logo_file(value):
    """Model validator: check a newly uploaded logo, not one already stored."""
    if value and not getattr(value, "_committed", True):
        check_logo(value.file)


def resize_logo(image):
    """Return the stored copy of an accepted logo, as a WebP file."""
    source_format = image.format
    image.seek(0)
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if _has_transparency(image) else "RGB")
    image.thumbnail(STORED_BOX, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    if source_format == "JPEG":
        image.save(output, format="WEBP", quality=85, method=6)
    else:
        image.save(output, format="WEBP", lossless=True, method=6)
    return ContentFile(output.getvalue(), name="logo.webp")


def _has_transparency(image):
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


class LogoFormField(forms.ImageField):
    """An image field that checks a logo and hands back its resized copy."""

    # The content decides, not the file name.
    default_validators = []
    default_error_messages = {
        "invalid_image": _(
            "Ce fichier n'est pas une image PNG, JPEG ou WebP lisible "
            "(les SVG sont refusés)."
        ),
    }

    def __init__(self, **kwargs):
        accept = "image/png,image/jpeg,image/webp"
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not value or value is initial or not hasattr(value, "content_type"):
            return value
        image = check_logo(value)
        return resize_logo(image)


class LogoField(models.ImageField):
    """A model image field whose forms check and resize the logo."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LogoFormField, **kwargs})
