"""Time the site search on PostgreSQL with 10,000 and 100,000 projects.

Works on a throwaway database created beside the one DATABASE_URL names (as
the test suite does), so the site's own data are never touched:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ia_territoires \\
        .venv/bin/python bench/search.py [--sizes 10000 100000] [--runs 30]

The database gets the register and the demo content, then generated projects:
each takes the subject of a demo project, with sentences drawn from a chain
of the words of that project's text (and of the other demo pages), a lead
authority and a title from the register, two themes; all from a seed
(``--seed``), so two runs build the same library. Projects are inserted in
bulk, with tree paths computed here rather than by ``add_child``; their index
entries are written in SQL, and a sample is indexed again through Wagtail's
backend to check that the entries are the ones it writes.

For each query of a fixed set it prints the median and 95th percentile time of
the search page (``/recherche/``, through Django's test client and every
middleware, as a visitor gets it), of the bare full-text query on the same
data (the index table alone: match, rank every match, keep the best ten;
planned with the same setting as the page's statements),
their ratio, and the time of Wagtail's search as shipped (ranking and counting
every match), which the page avoids by bounding what it counts and ranks (see
``search/services.py``). Then the plans of the page's full-text statements,
as Wagtail ships them and with the search app's indexes and planner setting.

Each size takes a few minutes (about 5 for 100,000 projects on two cores).
Timings depend on what else the machine runs: run it on a quiet machine.
"""

import argparse
import datetime
import io
import logging
import os
import random
import re
import statistics
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# Debug mode keeps every query in memory, which would weigh on the timings.
os.environ.setdefault("DJANGO_DEBUG", "false")

import django  # noqa: E402

django.setup()
# The site logs every page indexed and every search: not wanted here.
logging.disable(logging.INFO)

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search import index  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.backends.database.postgres.weights import get_weight  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from library.models import LibraryIndexPage, ProjectPage, Theme  # noqa: E402
from search.query import search_terms  # noqa: E402
from territories.models import Collectivity  # noqa: E402

# Common and rare words, several words, no accents, a name, and nothing.
QUERIES = [
    "eau",
    "fuites d'eau",
    "energie batiments",
    "mobilité",
    "données personnelles",
    "intelligence artificielle",
    "éclairage public",
    "agents",
    "chatbot",
    "Labège",
    "zythologie",
]
# A common word and a rarer one, whose plans are shown.
PLANNED_QUERIES = ["eau", "Labège"]
INDEXES = ["search_indexentry_title_body_gin", "search_page_id_varchar"]
TARGET_P95_MS = 150
TARGET_RATIO = 3
SLUG_PREFIX = "mesure-"
INSERT_BATCH = 2000
INDEX_BATCH = 500
# Tree paths are steps of 4 characters in this alphabet (treebeard's, Wagtail's).
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PATH_STEP = 4

BARE_QUERY = """
    SELECT object_id,
           ts_rank(title, query) * title_norm + ts_rank(body, query) AS rank
    FROM wagtailsearch_indexentry, to_tsquery(%s, %s) AS query
    WHERE (title || body) @@ query
    ORDER BY rank DESC
    LIMIT 10
"""


def milliseconds(seconds):
    return seconds * 1000


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def path_step(number):
    step = ""
    for _ in range(PATH_STEP):
        number, digit = divmod(number, len(PATH_ALPHABET))
        step = PATH_ALPHABET[digit] + step
    return step


class Corpus:
    """What generated projects are made of: the demo content and the register.

    Each demo project gives a chain of the words that follow one another in
    its text, from which new sentences on the same subject are drawn; the
    other demo pages (manifesto, standard pages) give a shared one.
    """

    def __init__(self, subjects, shared, names):
        # (title, chain) of each demo project.
        self.subjects = subjects
        self.shared = shared
        # Names of the authorities of the register, by primary key.
        self.names = names
        self.collectivity_ids = sorted(names)

    @classmethod
    def from_database(cls):
        field_names = {field.name for field in IndexEntry._meta.get_fields()}
        text_field = "body_text" if "body_text" in field_names else "body"
        project_type = ContentType.objects.get_for_model(ProjectPage)
        subjects = []
        shared = []
        for entry in IndexEntry.objects.order_by("pk"):
            text = getattr(entry, text_field) or ""
            if entry.content_type_id == project_type.pk:
                title = ProjectPage.objects.get(pk=entry.object_id).title
                subjects.append((title, word_chain([text])))
            else:
                shared.append(text)
        names = dict(
            Collectivity.objects.signable().order_by("pk").values_list("pk", "name")
        )
        return cls(subjects, word_chain(shared), names)


def word_chain(texts):
    """For each word of the texts (and for the start of a sentence, ``None``),
    the words that follow it."""
    chain = {}
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            words = sentence.split()
            if len(words) < 4:
                continue
            for current, following in zip([None, *words], words, strict=False):
                chain.setdefault(current, []).append(following)
    return chain


def sentence_from(chain, rng, max_words=30):
    words = []
    current = None
    while len(words) < max_words:
        following = chain.get(current)
        if not following:
            break
        current = rng.choice(following)
        words.append(current)
        if current[-1] in ".!?":
            break
    text = " ".join(words)
    return text if text.endswith((".", "!", "?")) else f"{text}."


class LibraryGenerator:
    """Adds generated projects to the demo library, in bulk, then indexes them."""

    def __init__(self, corpus, seed):
        self.corpus = corpus
        self.random = random.Random(seed)
        self.library = LibraryIndexPage.objects.get()
        self.content_type = ContentType.objects.get_for_model(ProjectPage)
        self.locale = Locale.get_default()
        # Themes in their default order, which is the order Wagtail indexes.
        self.themes = list(Theme.objects.values_list("pk", "name"))
        self.searched_fields = [
            ProjectPage._meta.get_field(field.field_name)
            for field in ProjectPage.get_search_fields()
            if isinstance(field, index.SearchField)
            and field.field_name != "title"
            and isinstance(
                ProjectPage._meta.get_field(field.field_name),
                (models.CharField, models.TextField),
            )
        ]
        self.choice_fields = [
            field
            for field in ProjectPage._meta.local_concrete_fields
            if field.choices and not field.blank
        ]
        self.count = ProjectPage.objects.filter(slug__startswith=SLUG_PREFIX).count()

    def text(self, field, chain):
        """One to three sentences on the project's subject, now and then one
        of the shared text."""
        sentences = [
            sentence_from(
                self.corpus.shared if self.random.random() < 0.2 else chain,
                self.random,
            )
            for _ in range(self.random.randint(1, 3))
        ]
        text = " ".join(sentences)
        limit = getattr(field, "max_length", None)
        if limit and len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0]
        return text

    def project(self, number, page_id, path, url_path):
        """A generated project, as the values its rows and index entry need."""
        subject, chain = self.random.choice(self.corpus.subjects)
        collectivity_id = self.random.choice(self.corpus.collectivity_ids)
        title = f"{subject} — {self.corpus.names[collectivity_id]}"
        slug = f"{SLUG_PREFIX}{number}"
        published = timezone.now() - datetime.timedelta(
            minutes=self.random.randint(0, 3 * 365 * 24 * 60)
        )
        project = SimpleNamespace(
            pk=page_id,
            page_values={
                "id": page_id,
                "path": path,
                "url_path": f"{url_path}{slug}/",
                "title": title,
                "draft_title": title,
                "slug": slug,
                "first_published_at": published,
                "last_published_at": published,
                "translation_key": uuid.UUID(
                    int=self.random.getrandbits(128), version=4
                ),
            },
            project_values={
                "page_ptr_id": page_id,
                "lead_collectivity_id": collectivity_id,
            },
            title=title,
            lead_collectivity_id=collectivity_id,
            generated_themes=sorted(
                self.random.sample(range(len(self.themes)), min(2, len(self.themes)))
            ),
        )
        for field in self.searched_fields:
            text = self.text(field, chain)
            setattr(project, field.name, text)
            project.project_values[field.column] = text
        for field in self.choice_fields:
            project.project_values[field.column] = self.random.choice(field.choices)[0]
        return project

    def template_rows(self):
        """The values every generated page and project share, by column."""
        template = ProjectPage(
            title="",
            slug="",
            depth=self.library.depth + 1,
            numchild=0,
            content_type=self.content_type,
            locale=self.locale,
            live=True,
            has_unpublished_changes=False,
        )
        page_fields = Page._meta.concrete_fields
        project_fields = ProjectPage._meta.local_concrete_fields
        return [
            {
                field.column: field.get_db_prep_save(
                    field.pre_save(template, add=True), connection
                )
                for field in fields
            }
            for fields in (page_fields, project_fields)
        ]

    def grow_to(self, size):
        """Add projects until the library has ``size`` generated ones."""
        timings = {}
        start = time.perf_counter()
        library = Page.objects.get(pk=self.library.pk)
        numbers = range(self.count + 1, size + 1)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                "FROM generate_series(1, %s)",
                [Page._meta.db_table, len(numbers)],
            )
            page_ids = [row[0] for row in cursor.fetchall()]
        first_child = library.numchild + 1
        projects = [
            self.project(
                number,
                page_id,
                library.path + path_step(first_child + position),
                library.url_path,
            )
            for position, (number, page_id) in enumerate(
                zip(numbers, page_ids, strict=True)
            )
        ]
        page_template, project_template = self.template_rows()
        links = ProjectPage.themes.through
        with transaction.atomic(), connection.cursor() as cursor:
            copy_rows(
                cursor,
                Page._meta.db_table,
                page_template,
                (project.page_values for project in projects),
            )
            copy_rows(
                cursor,
                ProjectPage._meta.db_table,
                project_template,
                (project.project_values for project in projects),
            )
            copy_rows(
                cursor,
                links._meta.db_table,
                {"projectpage_id": None, "theme_id": None},
                (
                    {
                        "projectpage_id": project.pk,
                        "theme_id": self.themes[number][0],
                    }
                    for project in projects
                    for number in project.generated_themes
                ),
            )
            Page.objects.filter(pk=library.pk).update(
                numchild=library.numchild + len(projects)
            )
        timings["insert"] = time.perf_counter() - start

        start = time.perf_counter()
        indexer = SqlIndexer(self.themes, self.corpus.names)
        with full_text_indexes_rebuilt():
            for batch in batched(projects, INDEX_BATCH):
                indexer.index(batch)
            # Wagtail's weighting of short titles, computed once for all.
            indexer.index_for_projects._refresh_title_norms(full=True)
        indexer.check_against_wagtail(self.random.sample(projects, 50))
        timings["index"] = time.perf_counter() - start

        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        timings["analyze"] = time.perf_counter() - start
        self.count = size
        return timings


def copy_rows(cursor, table, template, rows):
    """Write rows with COPY: each is ``template`` updated with its own values."""
    columns = list(template)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for values in rows:
            row = {**template, **values}
            copy.write_row([row[column] for column in columns])


@contextmanager
def full_text_indexes_rebuilt():
    """Drop the GIN indexes of the index table, then build them again.

    Building a GIN index once is much faster than updating it row by row.
    They are built again from their own definitions, as they were.
    """
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = %s AND indexdef LIKE '%%USING gin%%'",
            [table],
        )
        definitions = cursor.fetchall()
        for name, _definition in definitions:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _name, definition in definitions:
            cursor.execute(definition)


class SqlIndexer:
    """Writes the index entries of generated projects as Wagtail's backend does.

    Wagtail's backend spends milliseconds of Python on each object; here the
    texts are known, so one SQL statement per batch builds the same vectors
    (the same fields, in the same order, with the same weights and
    configurations). ``check_against_wagtail`` indexes a sample again through
    the backend and stops the benchmark if anything differs.
    """

    def __init__(self, themes, names):
        self.themes = themes
        self.names = names
        self.backend = get_search_backend()
        self.index_for_projects = self.backend.get_index_for_model(ProjectPage)
        self.content_type = ContentType.objects.get_for_model(ProjectPage)

    def parts(self, project):
        """(text, weight) of the title, the body and the autocompletion."""
        title, body, autocomplete = [], [], []
        for field in ProjectPage.get_search_fields():
            if isinstance(field, index.AutocompleteField):
                autocomplete.append((getattr(project, field.field_name), "D"))
            elif isinstance(field, index.SearchField):
                value = (getattr(project, field.field_name), get_weight(field.boost))
                (title if field.field_name == "title" else body).append(value)
            elif isinstance(field, index.RelatedFields):
                body += self.related_parts(project, field)
        return [
            [(text.strip(), weight) for text, weight in texts if text and text.strip()]
            for texts in (title, body, autocomplete)
        ]

    def related_parts(self, project, related):
        if related.field_name == "lead_collectivity":
            values = [self.names[project.lead_collectivity_id]]
        elif related.field_name == "themes":
            values = [self.themes[number][1] for number in project.generated_themes]
        else:
            return []  # Generated projects have no capability nor partner.
        (field,) = related.fields
        return [(value, get_weight(field.boost)) for value in values]

    def vector(self, parts, config, params):
        if not parts:
            return "''::tsvector"
        sql = []
        for text, weight in parts:
            sql.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
            params += [config, text, weight]
        return " || ".join(sql)

    def index(self, projects):
        rows = []
        params = []
        for project in projects:
            title, body, autocomplete = self.parts(project)
            params += [self.content_type.pk, str(project.pk)]
            title_sql = self.vector(title, self.backend.config, params)
            autocomplete_sql = self.vector(
                autocomplete, self.backend.autocomplete_config, params
            )
            body_sql = self.vector(body, self.backend.config, params)
            params += [
                " ".join(text for text, _ in title),
                " ".join(text for text, _ in body),
            ]
            rows.append(
                f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)"
            )
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, "
                "title, autocomplete, body, title_norm, title_text, body_text) "
                f"VALUES {', '.join(rows)}",
                params,
            )

    def entries(self, projects):
        return list(
            IndexEntry.objects.filter(
                content_type=self.content_type,
                object_id__in=[str(project.pk) for project in projects],
            )
            .order_by("object_id")
            .values_list("object_id", "title", "autocomplete", "body", "body_text")
        )

    def check_against_wagtail(self, projects):
        written = self.entries(projects)
        objects = ProjectPage.objects.filter(
            pk__in=[project.pk for project in projects]
        ).prefetch_related(*related_lookups(ProjectPage.get_search_fields()))
        self.backend.add_bulk(ProjectPage, list(objects))
        if self.entries(projects) != written:
            sys.exit("The generated index differs from what Wagtail writes.")


def related_lookups(search_fields, prefix=""):
    """The relations Wagtail follows to index an object, for prefetching."""
    lookups = []
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            lookup = f"{prefix}{field.field_name}"
            lookups.append(lookup)
            lookups += related_lookups(field.fields, f"{lookup}__")
    return lookups


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def time_runs(function, runs):
    function()  # The first run fills the caches; it is not counted.
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return durations


def tsquery_text(query):
    """The tsquery the backend builds for a query: every term, all required."""
    return " & ".join(
        "'{}'".format(term.replace("'", "''")) for term in search_terms(query)
    )


def measure(size, runs):
    """Time the page, the bare query and Wagtail's unbounded search; print them.

    Returns the number of queries that miss a target.
    """
    client = Client(HTTP_HOST="localhost")
    config = get_search_backend().config
    pages = Page.objects.live().public()
    rows = []
    for query in QUERIES:
        terms = tsquery_text(query)
        text = " ".join(search_terms(query))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM wagtailsearch_indexentry "
                "WHERE (title || body) @@ to_tsquery(%s, %s)",
                [config, terms],
            )
            matches = cursor.fetchone()[0]

        def page(query=query):
            response = client.get("/recherche/", {"q": query})
            assert response.status_code == 200, response.status_code

        def bare(terms=terms):
            # Planned as the page's statements are, so that neither gains.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(BARE_QUERY, [config, terms])
                cursor.fetchall()

        def unbounded(text=text):
            if text:
                results = pages.search(text, operator="and")
                list(results[:10])
                results.count()

        rows.append(
            (
                query,
                matches,
                time_runs(page, runs),
                time_runs(bare, runs),
                time_runs(unbounded, max(3, runs // 10)),
            )
        )

    print(f"\n== {size:,} projects: times in ms ==")
    print(
        f"{'query':<26}{'matches':>8}{'page p50':>9}{'page p95':>9}"
        f"{'bare p50':>9}{'bare p95':>9}{'ratio':>8}{'Wagtail':>9}  targets"
    )
    failures = 0
    for query, matches, page_times, bare_times, unbounded_times in rows:
        page_median = milliseconds(statistics.median(page_times))
        page_p95 = milliseconds(percentile(page_times, 0.95))
        bare_median = milliseconds(statistics.median(bare_times))
        bare_p95 = milliseconds(percentile(bare_times, 0.95))
        ratio = page_median / bare_median if bare_median else float("inf")
        verdicts = []
        if page_p95 >= TARGET_P95_MS:
            verdicts.append(f"p95 ≥ {TARGET_P95_MS} ms")
        if ratio > TARGET_RATIO:
            verdicts.append(f"ratio > {TARGET_RATIO}")
        failures += bool(verdicts)
        print(
            f"{query:<26}{matches:>8,}{page_median:>9.1f}{page_p95:>9.1f}"
            f"{bare_median:>9.1f}{bare_p95:>9.1f}{ratio:>8.1f}"
            f"{milliseconds(statistics.median(unbounded_times)):>9.0f}  "
            f"{'; '.join(verdicts) or 'met'}"
        )
    print(
        f"page: /recherche/?q=… through the test client ({runs} runs); bare: the "
        "full-text query alone on the index table (match, rank every match, keep "
        "ten); ratio: page p50 / bare p50; Wagtail: its search as shipped on live "
        "public pages, ranking and counting every match (median of "
        f"{max(3, runs // 10)} runs)."
    )
    return failures


def page_search_statements(client, query):
    """The full-text statements the search page runs for a query."""
    with CaptureQueriesContext(connection) as captured:
        client.get("/recherche/", {"q": query})
    return [
        statement["sql"]
        for statement in captured.captured_queries
        if "@@" in statement["sql"]
    ]


def explain(sql, *, indexes=True, setting=True):
    """The plan of a statement, with or without what the search app adds.

    Without ``indexes``, the indexes of the search app are dropped; without
    ``setting``, PostgreSQL plans with its default settings rather than the
    one the search page sets. Nothing is changed for good: the transaction is
    rolled back.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if not indexes:
            for name in INDEXES:
                cursor.execute(f"DROP INDEX {name}")
        if setting:
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}")
        lines = [row[0] for row in cursor.fetchall()]
        transaction.set_rollback(True)
    return "\n".join(
        f"    {line}"
        for line in lines
        if "->" in line or line == lines[0] or line.startswith("Execution")
    )


def show_plans():
    client = Client(HTTP_HOST="localhost")
    config = get_search_backend().config
    for query in PLANNED_QUERIES:
        with connection.cursor() as cursor:
            bare = cursor.mogrify(BARE_QUERY, [config, tsquery_text(query)])
        print(f"\n== Plan of the bare full-text query for «{query}» ==")
        print(explain(bare))
        statements = page_search_statements(client, query)
        print(f"\n== Plans of the page's full-text statements for «{query}» ==")
        for number, sql in enumerate(statements, 1):
            print(f"-- statement {number}, as Wagtail ships:")
            print(explain(sql, indexes=False, setting=False))
            print(f"-- statement {number}, with the search app's indexes and setting:")
            print(explain(sql))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", action="store_true", help="keep the throwaway database"
    )
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL.")

    test_settings = connection.settings_dict.setdefault("TEST", {})
    test_settings["NAME"] = f"bench_search_{connection.settings_dict['NAME']}"
    print(f"Creating the throwaway database {test_settings['NAME']}...")
    start = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failures = 0
    try:
        call_command("load_territories", verbosity=0)
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        print(
            f"Database, register and demo content: {time.perf_counter() - start:.0f} s"
        )
        generator = LibraryGenerator(Corpus.from_database(), arguments.seed)
        print(
            f"Corpus: {len(generator.corpus.subjects)} demo projects, "
            f"{len(generator.corpus.collectivity_ids):,} authorities"
        )
        for size in sorted(arguments.sizes):
            timings = generator.grow_to(size)
            print(
                f"\nGenerated {size:,} projects: "
                f"inserted in {timings['insert']:.0f} s, "
                f"indexed in {timings['index']:.0f} s, "
                f"analysed in {timings['analyze']:.0f} s"
            )
            failures += measure(size, arguments.runs)
        show_plans()
    finally:
        if arguments.keep:
            print(f"\nKept the database {test_settings['NAME']}.")
            connection.settings_dict["NAME"] = old_name
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"\nTargets: page p95 under {TARGET_P95_MS} ms, "
        f"page within {TARGET_RATIO}× the bare query."
    )
    print("All met." if not failures else f"Missed for {failures} query row(s).")


if __name__ == "__main__":
    main()
