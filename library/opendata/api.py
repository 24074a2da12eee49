"""The project fields of Wagtail's API, made from the public record.

Each field of the record that the API does not already give in its own way
(title, slug, address, first publication) becomes an API field of the same
name, serialised exactly as in the JSON export.
"""

from rest_framework import serializers
from wagtail.api import APIField

from . import fields, record


class RecordFieldSerializer(serializers.Field):
    """Serialises a whole project page through one field of the record."""

    def __init__(self, record_field):
        super().__init__(source="*", read_only=True)
        self.record_field = record_field

    def to_representation(self, page):
        if "record_context" not in self.context:
            request = self.context["request"]
            self.context["record_context"] = fields.ReadContext.for_request(request)
        return self.record_field.read(page, self.context["record_context"])


def api_fields():
    return [
        APIField(field.name, serializer=RecordFieldSerializer(field))
        for field in record.FIELDS
        if field.in_api
    ]
