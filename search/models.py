"""What visitors searched for in vain, day by day.

Wagtail's search promotions count every query per day (``QueryDailyHits``);
this completes it with the queries that found nothing, which tell editors what
the site lacks or how visitors name what it has.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class NoResultDailyHits(models.Model):
    """How many times, on one day, one query found nothing."""

    query = models.ForeignKey(
        Query,
        verbose_name=_("recherche"),
        on_delete=models.CASCADE,
        related_name="no_result_daily_hits",
    )
    date = models.DateField(_("jour"))
    hits = models.PositiveIntegerField(_("nombre de recherches"), default=0)

    class Meta:
        verbose_name = _("recherche sans résultat (par jour)")
        verbose_name_plural = _("recherches sans résultat (par jour)")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "date"], name="unique_no_result_query_date"
            ),
        ]
        permissions = [
            ("view_search_reports", _("Peut consulter les rapports de recherche")),
        ]

    def __str__(self):
        return f"{self.query} ({self.date:%Y-%m-%d}): {self.hits}"
