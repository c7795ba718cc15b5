"""The database-specific half of the search index (see insights/search/models.py).

PostgreSQL: the extensions ``unaccent`` and ``pg_trgm``; the text search configuration
``dwarsverband`` (a copy of ``dutch`` whose words go through ``unaccent`` and then the Dutch
Snowball stemmer, without the stop word list: stop words stay in the index so that a query of
only stop words still finds something); the stored weighted ``vector`` with a GIN index, a
small GIN index over the entries without a date (people and organisations) and a btree for
"the most recent matches"; a trigram index on the known words for spelling suggestions.

SQLite: an FTS5 table over words that Python folded and stemmed (one column per weight, rowid =
the entry's id), and an FTS5 trigram table over the known words.

Both databases run this file; each does its own part.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE TEXT SEARCH DICTIONARY dwarsverband_stem (TEMPLATE = snowball, Language = dutch)",
    "CREATE TEXT SEARCH CONFIGURATION dwarsverband (COPY = pg_catalog.dutch)",
    "ALTER TEXT SEARCH CONFIGURATION dwarsverband ALTER MAPPING FOR "
    "asciiword, asciihword, hword_asciipart, word, hword, hword_part "
    "WITH unaccent, dwarsverband_stem",
    "ALTER TEXT SEARCH CONFIGURATION dwarsverband ALTER MAPPING FOR "
    "numword, numhword, hword_numpart WITH unaccent, simple",
    "ALTER TABLE insights_searchentry ADD COLUMN vector tsvector",
    "CREATE INDEX insights_search_vector_idx ON insights_searchentry USING gin (vector)",
    "CREATE INDEX insights_search_undated_idx ON insights_searchentry "
    "USING gin (vector) WHERE date IS NULL",
    "CREATE INDEX insights_search_recent_idx ON insights_searchentry "
    "(date DESC NULLS LAST, id DESC)",
    "CREATE INDEX insights_searchword_trigram_idx ON insights_searchword "
    "USING gin (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS insights_searchword_trigram_idx",
    "ALTER TABLE insights_searchentry DROP COLUMN IF EXISTS vector",
    "DROP INDEX IF EXISTS insights_search_recent_idx",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS dwarsverband",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS dwarsverband_stem",
]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE insights_searchentry_fts USING fts5("
    "a, b, c, d, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE insights_searchword_fts USING fts5(word, tokenize = 'trigram')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS insights_searchword_fts",
    "DROP TABLE IF EXISTS insights_searchentry_fts",
]


def forward(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_FORWARD if postgres else SQLITE_FORWARD:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_BACKWARD if postgres else SQLITE_BACKWARD:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0003_search_index"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(forward, backward),
    ]
