"""What visitors searched for, recorded for the editors' reports."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import NoResultDailyHits

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")


def hits(query_string):
    query = Query.objects.filter(query_string=query_string).first()
    return query.hits if query else 0


def no_result_hits(query_string):
    return sum(
        NoResultDailyHits.objects.filter(query__query_string=query_string).values_list(
            "hits", flat=True
        )
    )


def test_each_search_is_counted_and_those_without_result_apart(client, make_page):
    make_page("Eau potable", "Le réseau.")

    client.get(SEARCH_URL, {"q": "Eau"})
    client.get(SEARCH_URL, {"q": "eau "})
    client.get(SEARCH_URL, {"q": "zythologie"})

    assert hits("eau") == 2
    assert no_result_hits("eau") == 0
    assert hits("zythologie") == 1
    assert no_result_hits("zythologie") == 1


def test_browsing_the_results_of_a_search_counts_it_once(client, make_page):
    for number in range(12):
        make_page(f"Eau {number}", "Le réseau.")

    client.get(SEARCH_URL, {"q": "eau"})
    client.get(SEARCH_URL, {"q": "eau", "page": "2"})
    client.get(SEARCH_URL, {"q": "eau", "type": "pages"})

    assert hits("eau") == 1


def test_empty_queries_are_not_counted(client, home_page):
    client.get(SEARCH_URL, {"q": ""})
    client.get(SEARCH_URL, {"q": "de la"})

    assert not Query.objects.exists()


@pytest.mark.parametrize(
    ("group", "status"),
    [("Éditeurs", 200), ("Modérateurs", 200), ("Administrateurs", 200)],
)
def test_reports_are_open_to_the_staff(client, staff_member, group, status):
    client.force_login(staff_member(group))

    for name in ["search_reports:frequent", "search_reports:without_result"]:
        assert client.get(reverse(name)).status_code == status, name


def test_reports_are_closed_to_others(client, django_user_model):
    """An admin user without the permission is turned away."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lecteur", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("search_reports:frequent"))

    assert response.status_code in (302, 403)
    assert "Recherches les plus fréquentes" not in response.content.decode()


def test_reports_list_frequent_queries_and_queries_without_result(
    client, make_page, staff_member
):
    make_page("Eau potable", "Le réseau.")
    for query in ["eau", "eau", "eau", "zythologie"]:
        client.get(SEARCH_URL, {"q": query})
    client.force_login(staff_member("Éditeurs"))

    frequent = client.get(reverse("search_reports:frequent")).content.decode()
    without = client.get(reverse("search_reports:without_result")).content.decode()

    assert frequent.index("/recherche/?q=eau") < frequent.index(
        "/recherche/?q=zythologie"
    )
    assert "/recherche/?q=zythologie" in without
    assert "/recherche/?q=eau" not in without


def test_reports_can_be_exported(client, make_page, staff_member):
    client.get(SEARCH_URL, {"q": "zythologie"})
    client.force_login(staff_member("Modérateurs"))

    response = client.get(reverse("search_reports:without_result"), {"export": "csv"})

    assert response.status_code == 200
    assert "zythologie" in b"".join(response.streaming_content).decode()


def test_reports_appear_in_the_reports_menu(client, staff_member):
    client.force_login(staff_member("Modérateurs"))

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Recherches sans r\\u00e9sultat" in content


def test_old_statistics_are_purged(settings, home_page):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    old = timezone.localdate() - datetime.timedelta(days=31)
    recent = timezone.localdate()
    forgotten = Query.get("ancienne recherche")
    QueryDailyHits.objects.create(query=forgotten, date=old, hits=3)
    NoResultDailyHits.objects.create(query=forgotten, date=old, hits=3)
    kept = Query.get("recherche récente")
    QueryDailyHits.objects.create(query=kept, date=recent, hits=1)
    NoResultDailyHits.objects.create(query=kept, date=recent, hits=1)

    call_command("purge_search_statistics", stdout=io.StringIO())

    assert list(Query.objects.values_list("query_string", flat=True)) == [
        "recherche récente"
    ]
    assert NoResultDailyHits.objects.get().query == kept
