"""Wagtail's database search backend, matching Danish words by their stem and beginning.

People type "bestyrelse" and expect "bestyrelsen", "kasserer" and expect "Kassererkursus",
"spejder" and expect "Svebølle Spejderne". Wagtail's backend matches whole words only (whole
stems on PostgreSQL), so this backend makes every word of a query a prefix of its stem:

- PostgreSQL (`SEARCH_CONFIG: "danish"`): `to_tsquery('danish', 'bestyrelsen:*')` stems the
  word and keeps the prefix flag, so the query is `'bestyr':*` against the Danish-stemmed index.
- SQLite (FTS5 stores words as written): the word is stemmed here with the same Snowball
  algorithm PostgreSQL uses (`snowballstemmer`), and the stem is an FTS5 prefix query
  (`"bestyr"*`), which also finds compounds that begin with it ("kas" → "kassererkursus").

Both therefore find the same things. Words shorter than `PREFIX_MIN_LENGTH` must match whole,
or "it" would find every word beginning with it. Stop words are left out of queries by
`core.search.search_words` before they get here (PostgreSQL's Danish configuration would
drop them anyway; SQLite's index keeps them).
"""

from functools import reduce

import snowballstemmer
from django.db import connection
from modelsearch.query import PlainText
from wagtail.search.backends.database import SearchBackend as database_backend

PREFIX_MIN_LENGTH = 3

_stemmer = snowballstemmer.stemmer("danish")


def stem(word: str) -> str:
    """The Danish Snowball stem of `word` (lower case), as PostgreSQL's "danish" makes it."""
    return _stemmer.stemWord(word.lower())


def _combine(lexemes, operator):
    return reduce(
        (lambda a, b: a & b) if operator.lower() == "and" else (lambda a, b: a | b), lexemes
    )


def _postgres_backend(params):
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    class PrefixQueryCompiler(PostgresSearchQueryCompiler):
        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = [
                Lexeme(term, invert=invert, prefix=len(term) >= PREFIX_MIN_LENGTH) for term in terms
            ]
            operator = query.operator
            if invert:  # De Morgan, as the parent class does
                operator = "or" if operator.lower() == "and" else "and"
            return SearchQuery(_combine(lexemes, operator), search_type="raw", config=config)

    class PrefixPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = PrefixQueryCompiler

    return PrefixPostgresSearchBackend(params)


def _sqlite_backend(params):
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class StemPrefixQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = [
                Lexeme(stem(term), prefix=True)
                if len(term) >= PREFIX_MIN_LENGTH
                else Lexeme(term.lower())
                for term in terms
            ]
            return SearchQueryExpression(_combine(lexemes, query.operator), config=config)

    class StemPrefixSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = StemPrefixQueryCompiler

    return StemPrefixSQLiteSearchBackend(params)


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if connection.vendor == "postgresql":
        return _postgres_backend(params)
    # SQLite with its FTS5 table; without it (an old SQLite) Wagtail's fallback stays.
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend(params)
    return backend
