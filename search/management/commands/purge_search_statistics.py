"""Forget search statistics older than ``WAGTAILSEARCH_HITS_MAX_AGE`` days.

Run it daily (cron or a scheduled task): what visitors typed is kept only as
long as the editors' reports need it.
"""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import NoResultDailyHits

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Efface les statistiques de recherche plus anciennes que "
        "WAGTAILSEARCH_HITS_MAX_AGE jours."
    )

    def handle(self, *args, **options):
        days = getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7)
        oldest_kept = timezone.localdate() - datetime.timedelta(days=days)
        NoResultDailyHits.objects.filter(date__lt=oldest_kept).delete()
        QueryDailyHits.garbage_collect(days=days)
        Query.garbage_collect()
        logger.info("Search statistics purged: older than %d days", days)
        self.stdout.write(
            f"Statistiques de recherche de plus de {days} jours effacées."
        )
