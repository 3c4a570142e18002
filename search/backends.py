"""The database's full-text index over our tokens: FTS5 on SQLite, tsvector on PostgreSQL.

Both receive the same tokens (search.tokens) and answer the same questions: which
entries hold any term, all terms, all terms in the title, the terms as a phrase; the
SQL differs only in how it asks.
"""

from django.db import connection

TABLE = "search_searchentry"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        title_tokens, body_tokens, content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens); END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    f"""ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_tokens), 'A')
        || setweight(to_tsvector('simple', body_tokens), 'D')) STORED""",
    f"CREATE INDEX search_entry_vector ON {TABLE} USING GIN (vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_entry_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]


def _run(schema_editor, statements):
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE})


def drop_index(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


class Sqlite:
    source = f"search_fts JOIN {TABLE} e ON e.id = search_fts.rowid"
    matches = "search_fts MATCH %s"
    score = "bm25(search_fts, 10.0, 1.0)"  # lower is better

    @staticmethod
    def quote(term):
        return f'"{term}"'

    def any(self, terms):
        return " OR ".join(map(self.quote, terms))

    def all(self, terms):
        return " AND ".join(map(self.quote, terms))

    def in_title(self, terms):
        return f"title_tokens : ({self.all(terms)})"

    def phrase(self, terms):
        return self.quote(" ".join(terms))

    def test(self, expression):
        return "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"


class Postgres:
    source = f"{TABLE} e"
    matches = "e.vector @@ to_tsquery('simple', %s)"
    score = "-ts_rank(e.vector, to_tsquery('simple', %s))"  # lower is better, as bm25

    def any(self, terms):
        return " | ".join(terms)

    def all(self, terms):
        return " & ".join(terms)

    def in_title(self, terms):
        return " & ".join(f"{term}:A" for term in terms)

    def phrase(self, terms):
        return " <-> ".join(terms)

    def test(self, expression):
        return "(e.vector @@ to_tsquery('simple', %s))"


def backend():
    return Postgres() if connection.vendor == "postgresql" else Sqlite()


def _filters(db, any_terms, published_before, key):
    sql = f"{db.matches} AND (e.publish_at IS NULL OR e.publish_at <= %s)"
    params = [any_terms, connection.ops.adapt_datetimefield_value(published_before)]
    if key:
        sql += " AND e.type = %s"
        params.append(key)
    return sql, params


def facet_counts(terms, now):
    """{type key: entries holding any term}."""
    db = backend()
    where, params = _filters(db, db.any(terms), now, None)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.type, COUNT(*) FROM {db.source} WHERE {where} GROUP BY e.type", params
        )
        return dict(cursor.fetchall())


def ranked(terms, now, key, limit, offset, phrase):
    """(type, slug, content) of the best entries: all terms first, then all terms in the
    name, then the exact phrase, then the index's own score, then the navigation order."""
    db = backend()
    tests, test_params = [], []
    if len(terms) > 1:
        tests += [db.test(db.all(terms))]
        test_params += [db.all(terms)]
    tests += [db.test(db.in_title(terms))]
    test_params += [db.in_title(terms)]
    if phrase and len(terms) > 1:
        tests += [db.test(db.phrase(terms))]
        test_params += [db.phrase(terms)]
    score_params = [db.any(terms)] if "%s" in db.score else []
    where, params = _filters(db, db.any(terms), now, key)
    order = ", ".join(f"{test} DESC" for test in tests)
    sql = (
        f"SELECT e.type, e.slug, e.content FROM {db.source} WHERE {where} "
        f"ORDER BY {order}, {db.score}, e.position, e.sort_title, e.id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *test_params, *score_params, limit, offset])
        return cursor.fetchall()
