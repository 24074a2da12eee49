from django import template

from ..models import OpenDataPage

register = template.Library()


@register.simple_tag
def open_data_page():
    """The page that presents the open data, if the site publishes one."""
    return OpenDataPage.objects.live().public().first()
