"""Put the site's home page in place of the placeholder page Wagtail creates.

A fresh database holds a plain "Welcome to your new Wagtail site!" page at the
root of the default site. It is replaced by a HomePage, so that a new
installation serves the site's own home page before any content is written.
"""

from django.db import migrations
from django.utils import timezone

HOME_TITLE = "Accueil"
HOME_SLUG = "accueil"
STEP_LENGTH = 4  # treebeard's path step for Wagtail pages
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def next_child_path(parent, last_child):
    """The treebeard path of a new last child of ``parent``."""
    if last_child is None:
        return parent.path + "1".zfill(STEP_LENGTH)
    number = int(last_child.path[-STEP_LENGTH:], 36) + 1
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return parent.path + digits.zfill(STEP_LENGTH)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    root = Page.objects.filter(depth=1).order_by("path").first()
    locale = Locale.objects.order_by("pk").first()
    if root is None or locale is None:
        return

    content_type, _ = ContentType.objects.get_or_create(
        app_label="home", model="homepage"
    )
    last_child = (
        Page.objects.filter(depth=2, path__startswith=root.path)
        .order_by("-path")
        .first()
    )
    now = timezone.now()
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug=HOME_SLUG,
        content_type=content_type,
        path=next_child_path(root, last_child),
        depth=2,
        numchild=0,
        url_path=f"/{HOME_SLUG}/",
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )

    placeholder_type = ContentType.objects.filter(
        app_label="wagtailcore", model="page"
    ).first()
    placeholders = Page.objects.filter(
        depth=2, numchild=0, content_type=placeholder_type
    )
    Site.objects.filter(root_page__in=placeholders).update(root_page=home)
    if not Site.objects.exists():
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    placeholders.delete()
    root.numchild = Page.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
    ]
