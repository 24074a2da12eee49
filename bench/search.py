"""Time the site search on PostgreSQL with 10,000 and 100,000 projects.

Works on throwaway databases created beside the one DATABASE_URL names (as
the test suite does), one per size, so the site's own data are never touched:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ia_territoires \\
        .venv/bin/python bench/search.py [--sizes 10000 100000] [--runs 30] \\
        [--keep | --reuse]

The database of a size is ``bench_search_<name>_<size>``. ``--keep`` keeps it
after the run; ``--reuse`` takes it as it is when it holds the library asked
for (the same size and seed), after applying any new migration, and keeps it:
building 100,000 projects takes several minutes, measuring far less.

A database gets the register and the demo content, then generated projects:
each takes the subject of a demo project, with sentences drawn from a chain
of the words of that project's text (and of the other demo pages), a lead
authority and a title from the register, two themes; all from a seed
(``--seed``), so two runs build the same library. Projects are inserted in
bulk, with tree paths computed here rather than by ``add_child``; their index
entries are written in SQL, and a sample is indexed again through Wagtail's
backend to check that the entries are the ones it writes.

For each query of a fixed set it prints the median and 95th percentile time of

- the search page (``/recherche/?q=``), through Django's test client and every
  middleware, as a visitor gets it: the site's shell (menu, footer, settings)
  comes from the cache, as on the site once it has been built;
- the bare query: one SQL statement, run through the connection, that gives
  what the page shows: the count of each kind of result (pages of each kind
  counted up to the page's bound, approved signatories by name), the ten best
  ranked results with the text their excerpt is cut from, and the first
  signatories. It follows the page's rules (live public pages of the site,
  every word required, each kind bounded to ``MAX_MATCHES``, Wagtail's ranking
  formula and order) as hand-written SQL would, with the planner setting the
  page uses; the benchmark checks that it finds the same counts and, where no
  kind is over the bound, the same ten results in the same order;
- their ratio (page median / bare median). Page and bare query are timed in
  turn, run after run, so that both see the same load;
- Wagtail's search as shipped (ranking and counting every match), which the
  page avoids by bounding what it counts and ranks (``core/fulltext.py``);
- the library's list filtered by some of these words (``/bibliotheque/?q=``),
  which looks up matches with the same bound, then counts its facets among
  them; its page time only.

The first run of each fills the caches and is not counted. Before measuring,
what the process holds is frozen out of the garbage collector's sight, as
``config/wsgi.py`` does in the site's processes. Targets: the
page's 95th percentile under 150 ms (search and library), and the search page
within 3 times the bare query; the table states for each row whether they are
met. Then the
plans of the bare query and of the page's full-text statement, with and
without the search app's indexes and planner setting.

Timings depend on what else the machine runs: the load average is printed
before and after each size. Run it on a quiet machine.
"""

import argparse
import datetime
import gc
import html
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
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search import index  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.backends.database.postgres.weights import (  # noqa: E402
    get_sql_weights,
    get_weight,
)
from wagtail.search.models import IndexEntry  # noqa: E402

from core.fulltext import MAX_MATCHES  # noqa: E402
from library.models import LibraryIndexPage, ProjectPage, Theme  # noqa: E402
from manifesto.models import Signature  # noqa: E402
from search.kinds import PAGE_KINDS, Kind, page_content_type_ids  # noqa: E402
from search.query import search_terms  # noqa: E402
from search.services import (  # noqa: E402
    RESULTS_PER_PAGE,
    SIGNATORIES_PREVIEW,
    search_site,
)
from territories.models import Collectivity  # noqa: E402
from territories.text import normalize_name  # noqa: E402

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
# The library's list filtered by words: common, two words, a name, nothing.
LIBRARY_QUERIES = ["eau", "energie batiments", "Labège", "zythologie"]
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

# Conditions of a page a visitor may find: live, on the site, not private.
VISIBLE_PAGE = """
    p.live AND p.path LIKE %(root_path)s AND p.depth >= %(root_depth)s
    AND NOT EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction AS r
        JOIN wagtailcore_page AS restricted ON restricted.id = r.page_id
        WHERE p.path LIKE restricted.path || '%%'
    )
"""
# A page's index entry has the page's own content type (its specific model).
MATCHING_PAGES = """
    FROM wagtailcore_page AS p
    JOIN wagtailsearch_indexentry AS e
      ON e.content_type_id = p.content_type_id
     AND e.object_id = p.id::varchar(50)
    CROSS JOIN query
    WHERE {visible} AND (e.title || e.body) @@ query.q
      AND e.content_type_id = ANY({types}) AND p.content_type_id = ANY({types})
"""
# What the search page shows, in one statement: the matches of each kind up
# to the bound (one lookup for projects, one for the other kinds, as the
# page), their counts, the best ranked of those kept with the text of their
# excerpt, and the signatories whose name has every word.
BARE_QUERY = """
WITH query AS MATERIALIZED (
    SELECT to_tsquery(%(config)s::regconfig, %(tsquery)s) AS q
),
matches AS MATERIALIZED (
    (
        SELECT p.id, 'projets' AS kind
        {matching_projects}
        LIMIT %(bound)s + 1
    )
    UNION ALL
    (
        SELECT p.id,
               CASE WHEN p.content_type_id = ANY(%(manifesto_types)s)
                    THEN 'manifeste' ELSE 'pages' END
        {matching_others}
        LIMIT (%(bound)s + 1) * 2
    )
),
counts AS (
    SELECT kind, count(*) AS found FROM matches GROUP BY kind
),
kept AS (
    SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY kind) AS position FROM matches
    ) AS numbered
    WHERE position <= %(bound)s
),
ranked AS (
    SELECT p.id, p.title, p.url_path, e.body_text,
           ts_rank(%(weights)s::float4[], e.title, query.q) * e.title_norm
           + ts_rank(%(weights)s::float4[], e.body, query.q) AS rank
    FROM kept
    JOIN wagtailcore_page AS p ON p.id = kept.id
    JOIN wagtailsearch_indexentry AS e
      ON e.content_type_id = p.content_type_id
     AND e.object_id = p.id::varchar(50)
    CROSS JOIN query
    ORDER BY rank DESC, p.id DESC
    LIMIT %(per_page)s
),
signatories AS MATERIALIZED (
    SELECT c.name, c.kind, d.name AS departement
    FROM manifesto_signature AS s
    JOIN territories_collectivity AS c ON c.id = s.collectivity_id
    LEFT JOIN territories_departement AS d ON d.code = c.departement_id
    WHERE s.status = %(approved)s AND {names}
    ORDER BY c.search_name, s.id
    LIMIT %(bound)s + 1
)
SELECT
    (SELECT json_object_agg(kind, found) FROM counts),
    (SELECT count(*) FROM signatories),
    (SELECT json_agg(name) FROM (
        SELECT name FROM signatories LIMIT %(preview)s
    ) AS first_signatories),
    (SELECT json_agg(
        json_build_array(id, title, url_path, body_text) ORDER BY rank DESC, id DESC
    ) FROM ranked)
"""
# A signatory's name has a word: alone, first, last or in between.
NAME_WORD = (
    "(c.search_name = %({p})s OR c.search_name LIKE %({p})s || ' %%' "
    "OR c.search_name LIKE '%% ' || %({p})s "
    "OR c.search_name LIKE '%% ' || %({p})s || ' %%')"
)


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


def time_in_turn(functions, runs):
    """Durations of each function, run one after the other, ``runs`` times.

    Running them in turn, rather than one series after the other, gives each
    the same share of whatever else the machine does meanwhile. The first
    run of each fills the caches; it is not counted.
    """
    for function in functions:
        function()
    durations = [[] for _ in functions]
    for _ in range(runs):
        for function, times in zip(functions, durations, strict=True):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return durations


def tsquery_text(query):
    """The tsquery the backend builds for a query: every term, all required."""
    return " & ".join(
        "'{}'".format(term.replace("'", "''")) for term in search_terms(query)
    )


class BareQuery:
    """The SQL statement that gives what the search page shows for a query."""

    def __init__(self, site):
        root = site.root_page
        types = {kind: page_content_type_ids(kind) for kind in PAGE_KINDS}
        self.parameters = {
            "config": get_search_backend().config,
            "weights": get_sql_weights(),
            "root_path": f"{root.path}%",
            "root_depth": root.depth,
            "project_types": types[Kind.PROJECT],
            "manifesto_types": types[Kind.MANIFESTO],
            "other_types": types[Kind.MANIFESTO] + types[Kind.PAGE],
            "bound": MAX_MATCHES,
            "per_page": RESULTS_PER_PAGE,
            "preview": SIGNATORIES_PREVIEW,
            "approved": Signature.Status.APPROVED.value,
        }
        self.root_url_path = root.url_path

    def statement(self, query):
        """The SQL and its parameters for a query (which has words to search)."""
        parameters = {**self.parameters, "tsquery": tsquery_text(query)}
        names = []
        words = normalize_name(" ".join(search_terms(query))).split()
        for number, word in enumerate(words):
            parameters[f"word{number}"] = word
            names.append(NAME_WORD.format(p=f"word{number}"))
        sql = BARE_QUERY.format(
            matching_projects=MATCHING_PAGES.format(
                visible=VISIBLE_PAGE, types="%(project_types)s"
            ),
            matching_others=MATCHING_PAGES.format(
                visible=VISIBLE_PAGE, types="%(other_types)s"
            ),
            names=" AND ".join(names) or "false",
        )
        return sql, parameters

    def run(self, query):
        """Counts by kind, signatories and their first names, the ranked results."""
        sql, parameters = self.statement(query)
        # Planned as the page's statements are, so that neither gains.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, parameters)
            counts, signatories, first_signatories, results = cursor.fetchone()
        return {
            "counts": counts or {},
            "signatories": signatories,
            "first_signatories": first_signatories or [],
            "results": [
                (title, url_path[len(self.root_url_path) - 1 :], text)
                for _id, title, url_path, text in results or []
            ],
        }


def compare(search, bare):
    """Whether the bare query found what the page shows.

    ``"same"`` when the counts, the first signatories and the ten results
    (titles, addresses, order) agree; ``"counts"`` when the counts agree but
    a kind is over the bound, where either may have kept other matches than
    the other (any of them, by the plan's order) and so rank others first;
    else what differs.
    """
    differences = []
    over_bound = False
    for count in search.counts:
        if count.kind == Kind.SIGNATORY:
            found = bare["signatories"]
        else:
            found = bare["counts"].get(count.kind.value, 0)
        expected = (min(found, MAX_MATCHES), found > MAX_MATCHES)
        over_bound |= expected[1]
        if (count.count, count.has_more) != expected:
            differences.append(f"{count.kind.value} {count.count} ≠ {expected[0]}")
    page_signatories = [
        html.unescape(re.sub(r"<[^>]+>", "", str(result.title)))
        for result in search.signatories
    ]
    if page_signatories != bare["first_signatories"]:
        differences.append("signatories")
    if not over_bound:
        page_results = [
            (html.unescape(re.sub(r"<[^>]+>", "", str(result.title))), result.url)
            for result in search.page.object_list
        ]
        bare_results = [(title, url) for title, url, _text in bare["results"]]
        if page_results != bare_results:
            differences.append("results")
    if differences:
        return "DIFFERS: " + ", ".join(differences)
    return "counts" if over_bound else "same"


def load_average():
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


def measure(size, runs):
    """Time the pages, the bare query and Wagtail's unbounded search; print them.

    Returns the rows: (page, query, matches, page times, bare times, check).
    """
    # As config/wsgi.py does in the site's processes once the site is loaded.
    gc.collect()
    gc.freeze()
    client = Client(HTTP_HOST="localhost")
    factory = RequestFactory(HTTP_HOST="localhost")
    site = Site.objects.get(is_default_site=True)
    bare_query = BareQuery(site)
    library_url = LibraryIndexPage.objects.get().get_url()
    config = get_search_backend().config
    pages = Page.objects.live().public()
    project_type = ContentType.objects.get_for_model(ProjectPage).pk
    rows = []
    print(f"\n== {size:,} projects: measuring (load average {load_average()}) ==")

    def matches(query, content_type=None):
        sql = (
            "SELECT count(*) FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery(%s, %s)"
        )
        parameters = [config, tsquery_text(query)]
        if content_type:
            sql += " AND content_type_id = %s"
            parameters.append(content_type)
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchone()[0]

    for query in QUERIES:

        def page(query=query):
            response = client.get("/recherche/", {"q": query})
            assert response.status_code == 200, response.status_code
            return response

        def bare(query=query):
            return bare_query.run(query)

        def unbounded(query=query):
            results = pages.search(" ".join(search_terms(query)), operator="and")
            list(results[:10])
            results.count()

        found = search_site(
            factory.get("/recherche/", {"q": query}), query, record=False
        )
        check = compare(found, bare())
        page_times, bare_times = time_in_turn([page, bare], runs)
        wagtail_times = time_in_turn([unbounded], max(3, runs // 10))[0]
        rows.append(
            SimpleNamespace(
                page="/recherche/",
                query=query,
                matches=matches(query),
                page_times=page_times,
                bare_times=bare_times,
                wagtail_times=wagtail_times,
                check=check,
            )
        )

    for query in LIBRARY_QUERIES:

        def library(query=query):
            response = client.get(library_url, {"q": query})
            assert response.status_code == 200, response.status_code

        rows.append(
            SimpleNamespace(
                page=library_url,
                query=query,
                matches=matches(query, project_type),
                page_times=time_in_turn([library], runs)[0],
                bare_times=None,
                wagtail_times=None,
                check="",
            )
        )
    print(f"   done (load average {load_average()})")
    return rows


def verdicts(row):
    """The targets a row misses, or that it meets them."""
    missed = []
    if milliseconds(percentile(row.page_times, 0.95)) >= TARGET_P95_MS:
        missed.append(f"p95 ≥ {TARGET_P95_MS} ms")
    if row.bare_times is not None and ratio(row) > TARGET_RATIO:
        missed.append(f"ratio > {TARGET_RATIO}")
    return missed


def ratio(row):
    bare = statistics.median(row.bare_times)
    return statistics.median(row.page_times) / bare if bare else float("inf")


def fast(rows):
    """How many rows have their p95 under the target."""
    return sum(
        milliseconds(percentile(row.page_times, 0.95)) < TARGET_P95_MS for row in rows
    )


def print_table(size, rows, runs):
    print(f"\n== {size:,} projects: times in ms ({runs} runs each) ==")
    print(
        f"{'page':<15}{'query':<26}{'matches':>8}{'page p50':>9}{'page p95':>9}"
        f"{'bare p50':>9}{'bare p95':>9}{'ratio':>7}{'Wagtail':>8}  "
        f"{'bare finds':<11}targets"
    )
    for row in rows:
        page_median = milliseconds(statistics.median(row.page_times))
        page_p95 = milliseconds(percentile(row.page_times, 0.95))
        if row.bare_times is None:
            bare_columns = f"{'–':>9}{'–':>9}{'–':>7}{'–':>8}"
        else:
            bare_columns = (
                f"{milliseconds(statistics.median(row.bare_times)):>9.1f}"
                f"{milliseconds(percentile(row.bare_times, 0.95)):>9.1f}"
                f"{ratio(row):>7.1f}"
                f"{milliseconds(statistics.median(row.wagtail_times)):>8.0f}"
            )
        missed = verdicts(row)
        print(
            f"{row.page:<15}{row.query:<26}{row.matches:>8,}{page_median:>9.1f}"
            f"{page_p95:>9.1f}{bare_columns}  {row.check:<11}"
            f"{'missed: ' + '; '.join(missed) if missed else 'met'}"
        )
    searches = [row for row in rows if row.bare_times is not None]
    library = [row for row in rows if row.bare_times is None]
    print(
        f"Search page: p95 under {TARGET_P95_MS} ms for {fast(searches)} of "
        f"{len(searches)} queries; within {TARGET_RATIO}× the bare query for "
        f"{sum(ratio(r) <= TARGET_RATIO for r in searches)} of {len(searches)}."
    )
    print(
        f"Library list: p95 under {TARGET_P95_MS} ms for {fast(library)} of "
        f"{len(library)} queries."
    )
    print(
        "matches: index entries with every word (for the library, projects only); "
        "page: the page through the test client; bare: the one SQL statement "
        "that gives what the search page shows; ratio: page p50 / bare p50; "
        "Wagtail: its search as shipped, ranking and counting every match "
        f"(median of {max(3, runs // 10)} runs); bare finds: «same» counts and "
        "results as the page, or «counts» only when a kind is over the bound "
        f"of {MAX_MATCHES} (then each keeps the first matches its plan reads)."
    )


def page_search_statements(client, query):
    """The full-text statements the search page runs for a query: its
    lookups (``@@``) and its ranking (``ts_rank``)."""
    with CaptureQueriesContext(connection) as captured:
        client.get("/recherche/", {"q": query})
    return [
        statement["sql"]
        for statement in captured.captured_queries
        if "@@" in statement["sql"] or "ts_rank" in statement["sql"]
    ]


def explain(sql, parameters=None, *, indexes=True, setting=True):
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
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}", parameters)
        lines = [row[0] for row in cursor.fetchall()]
        transaction.set_rollback(True)
    return "\n".join(
        f"    {line}"
        for line in lines
        if "->" in line or line == lines[0] or line.startswith("Execution")
    )


def show_plans():
    client = Client(HTTP_HOST="localhost")
    bare_query = BareQuery(Site.objects.get(is_default_site=True))
    for query in PLANNED_QUERIES:
        print(f"\n== Plan of the bare query for «{query}» ==")
        print(explain(*bare_query.statement(query)))
        statements = page_search_statements(client, query)
        print(f"\n== Plans of the page's full-text statements for «{query}» ==")
        for number, sql in enumerate(statements, 1):
            print(
                f"-- statement {number}, without the search app's indexes and setting:"
            )
            print(explain(sql, indexes=False, setting=False))
            print(f"-- statement {number}, with the search app's indexes and setting:")
            print(explain(sql))


def database_exists(name):
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def database_label(name):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def library_label(size, seed):
    return f"bench/search.py seed={seed} projects={size}"


@contextmanager
def library_database(base_name, size, arguments):
    """A database holding the demo content and ``size`` generated projects.

    Reused as it is with ``--reuse`` when it holds that library (same size and
    seed, as its comment says), after applying new migrations; else built.
    Dropped at the end, unless ``--keep`` or ``--reuse``.
    """
    name = f"bench_search_{base_name}_{size}"
    label = library_label(size, arguments.seed)
    connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    creation = connection.creation
    reused = False
    if arguments.reuse and database_exists(name):
        start = time.perf_counter()
        creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
        reused = database_label(name) == label
        if reused:
            print(
                f"\nReusing the database {name} ({label}), migrated in "
                f"{time.perf_counter() - start:.0f} s"
            )
        else:
            print(f"\nThe database {name} holds another library: building it again")
    if not reused:
        print(f"\nBuilding the database {name}...")
        start = time.perf_counter()
        creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
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
        timings = generator.grow_to(size)
        print(
            f"Generated {size:,} projects: "
            f"inserted in {timings['insert']:.0f} s, "
            f"indexed in {timings['index']:.0f} s, "
            f"analysed in {timings['analyze']:.0f} s"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"COMMENT ON DATABASE {connection.ops.quote_name(name)} IS %s", [label]
            )
    # Nothing cached from another database (sites, content types, shell).
    cache.clear()
    ContentType.objects.clear_cache()
    try:
        yield
    finally:
        if arguments.keep or arguments.reuse:
            connection.close()
            connection.settings_dict["NAME"] = base_name
            print(f"Kept the database {name}.")
        else:
            creation.destroy_test_db(base_name, verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases after the run"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the kept database of a size if it holds the same library",
    )
    parser.add_argument(
        "--no-plans", action="store_true", help="do not print the query plans"
    )
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL.")

    base_name = connection.settings_dict["NAME"]
    sizes = sorted(arguments.sizes)
    tables = []
    for size in sizes:
        with library_database(base_name, size, arguments):
            rows = measure(size, arguments.runs)
            tables.append((size, rows))
            print_table(size, rows, arguments.runs)
            if size == sizes[-1] and not arguments.no_plans:
                show_plans()

    print(
        f"\nTargets: the search page's p95 under {TARGET_P95_MS} ms at "
        f"{sizes[-1]:,} projects, and the page within {TARGET_RATIO}× the bare "
        "query."
    )
    for size, rows in tables:
        missed = [row for row in rows if verdicts(row)]
        print(
            f"{size:,} projects: "
            + (
                "all met."
                if not missed
                else f"missed for {len(missed)} of {len(rows)} rows."
            )
        )


if __name__ == "__main__":
    main()
