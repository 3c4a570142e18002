"""The database's full-text index over our tokens: FTS5 on SQLite, tsvector on PostgreSQL.

Both receive the same tokens (search.tokens) and answer the same questions: which
entries hold any term, all terms, all terms in the title, the terms as a phrase; the
SQL differs only in how it asks.
"""

from django.db import connection, connections

TABLE = "search_searchentry"

# Contentless tables (the entry table holds the text) of one column each, so a count
# reads one doclist: every token, and the name's tokens alone. An entry's id starts with
# its type's position (TYPE_SPAN), so the counts by type and the type filter are row id
# ranges of the index.
SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        tokens, content='', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_title_fts USING fts5(
        tokens, content='', tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO search_fts(rowid, tokens)
        VALUES (new.id, new.title_tokens || ' ' || new.body_tokens);
        INSERT INTO search_title_fts(rowid, tokens) VALUES (new.id, new.title_tokens); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, tokens)
        VALUES ('delete', old.id, old.title_tokens || ' ' || old.body_tokens);
        INSERT INTO search_title_fts(search_title_fts, rowid, tokens)
        VALUES ('delete', old.id, old.title_tokens); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO search_fts(search_fts, rowid, tokens)
        VALUES ('delete', old.id, old.title_tokens || ' ' || old.body_tokens);
        INSERT INTO search_title_fts(search_title_fts, rowid, tokens)
        VALUES ('delete', old.id, old.title_tokens);
        INSERT INTO search_fts(rowid, tokens)
        VALUES (new.id, new.title_tokens || ' ' || new.body_tokens);
        INSERT INTO search_title_fts(rowid, tokens) VALUES (new.id, new.title_tokens); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_title_fts",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_tokens), 'A')
        || setweight(to_tsvector('simple', body_tokens), 'D')) STORED""",
    f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} USING GIN (vector)",
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


def ensure_index(sender, using, **kwargs):
    """After `migrate`: tables made from the models without migrations (a test run with
    --no-migrations) get the index too. Every statement is a no-op when it exists."""
    database = connections[using]
    if TABLE in database.introspection.table_names():
        with database.schema_editor() as schema_editor:
            create_index(None, schema_editor)


def drop_index(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


# A tier of at most this many hits is ordered by the index's score (and the exact phrase
# first); a larger one in index order (the declared ordering at the last rebuild), so a
# word in every record ("Qingdao") costs no score for each of them.
SCORED = 500


class Query:
    """The terms of a search, as the expressions each tier of hits needs.

    Tiers, best first: every term in the name; every term, not all in the name; some
    terms only. `key` keeps one content type.
    """

    def __init__(self, terms, key=None, phrase=False):
        self.terms, self.key = terms, key
        self.phrase = phrase and len(terms) > 1
        self.tiers = 3 if len(terms) > 1 else 2


class Sqlite:
    COUNT = "(SELECT COUNT(*) FROM {table} WHERE {table} MATCH %s AND rowid BETWEEN %s AND %s)"

    @staticmethod
    def _quote(term):
        return f'"{term}"'

    def _any(self, terms):
        return " OR ".join(map(self._quote, terms))

    def _all(self, terms):
        return " AND ".join(map(self._quote, terms))

    @staticmethod
    def _scope(query):
        return type_range(query.key) if query.key else (0, 2**62)

    def counts(self, query):
        """({type: hits}, [hits of each tier in the query's type or all types]).

        Every term in the name; every term, less those; some terms, less every term."""
        from projects.content_types import public_types

        declared = list(public_types())
        sql, params = [], []
        for each in declared:
            sql.append(self.COUNT.format(table="search_fts"))
            params += [self._any(query.terms), *type_range(each.key)]
        sql.append(self.COUNT.format(table="search_title_fts"))
        params += [self._all(query.terms), *self._scope(query)]
        if query.tiers == 3:
            sql.append(self.COUNT.format(table="search_fts"))
            params += [self._all(query.terms), *self._scope(query)]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(sql), params)
            row = cursor.fetchone()
        facets = {each.key: count for each, count in zip(declared, row, strict=False)}
        scope = facets.get(query.key, 0) if query.key else sum(facets.values())
        in_title = row[len(declared)]
        every = row[len(declared) + 1] if query.tiers == 3 else scope
        tiers = [in_title, every - in_title]
        if query.tiers == 3:
            tiers.append(scope - every)
        return facets, tiers

    def _window(self, query, tier, scored):
        """SQL and parameters of a tier's row ids, best first."""
        low, high = self._scope(query)
        every = self._all(query.terms)
        table, expression, extra, extra_params = "search_fts", every, "", []
        if tier == 0:
            table = "search_title_fts"
        elif tier == 1:
            extra = (
                " AND rowid NOT IN "
                "(SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s)"
            )
            extra_params = [every]
        else:
            expression = f"({self._any(query.terms)}) NOT ({every})"
        phrase, phrase_params, score = "0", [], "0"
        if scored:
            score = f"bm25({table})"
            if query.phrase:
                phrase = f"(rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH %s))"
                phrase_params = [self._quote(" ".join(query.terms))]
        sql = (
            f"SELECT rowid AS id, {tier} AS tier, {phrase} AS phrase, {score} AS score "
            f"FROM {table} WHERE {table} MATCH %s AND rowid BETWEEN %s AND %s{extra} "
            "ORDER BY phrase DESC, score, rowid LIMIT %s OFFSET %s"
        )
        return sql, [*phrase_params, expression, low, high, *extra_params]

    def page(self, query, windows, start, stop):
        """Rows (type, slug, content) of the given (tier, limit, offset, scored) windows."""
        parts, params = [], []
        for tier, limit, offset, scored in windows:
            sql, window_params = self._window(query, tier, scored)
            parts.append(f"SELECT * FROM ({sql})")
            params += [*window_params, limit, offset]
        sql = (
            f"SELECT e.type, e.slug, e.content FROM ({' UNION ALL '.join(parts)}) h "
            f"JOIN {TABLE} e ON e.id = h.id ORDER BY h.tier, h.phrase DESC, h.score, h.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def lock_type(self, key):
        """Nothing to do: SQLite runs one write transaction at a time (IMMEDIATE)."""

    def optimise(self):
        """Merge the index's segments after a rebuild: fewer, faster reads."""
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_title_fts"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


class Postgres:
    def _tsquery(self, terms, operator, weight=""):
        return f" {operator} ".join(f"{term}{weight}" for term in terms)

    def _tier_case(self, query):
        title = self._tsquery(query.terms, "&", ":A")
        every = self._tsquery(query.terms, "&")
        sql = (
            "CASE WHEN e.vector @@ to_tsquery('simple', %s) THEN 0 "
            "WHEN e.vector @@ to_tsquery('simple', %s) THEN 1 ELSE 2 END"
        )
        return sql, [title, every]

    def _where(self, query, key):
        sql = "e.vector @@ to_tsquery('simple', %s)"
        params = [self._tsquery(query.terms, "|")]
        if key:
            sql += " AND e.type = %s"
            params.append(key)
        return sql, params

    def lock_type(self, key):
        """Hold the type's new entry ids until the transaction ends: one writer at a time."""
        low, _high = type_range(key)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [low])

    def optimise(self):
        pass

    def counts(self, query):
        tier, tier_params = self._tier_case(query)
        where, params = self._where(query, None)
        sql = (
            f"SELECT {tier}, e.id / {TYPE_SPAN}, COUNT(*) FROM {TABLE} e WHERE {where} "
            "GROUP BY 1, 2"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*tier_params, *params])
            return tally(query, cursor.fetchall())

    def page(self, query, windows, start, stop):
        tier, tier_params = self._tier_case(query)
        where, params = self._where(query, query.key)
        scored = [number for number, _limit, _offset, is_scored in windows if is_scored] or [-1]
        marks = ", ".join(["%s"] * len(scored))
        phrase = "FALSE"
        phrase_params = []
        if query.phrase:
            phrase = "e.vector @@ to_tsquery('simple', %s)"
            phrase_params = [self._tsquery(query.terms, "<->")]
        sql = (
            f"SELECT e.type, e.slug, e.content FROM {TABLE} e WHERE {where} ORDER BY {tier}, "
            f"CASE WHEN {tier} IN ({marks}) THEN ({phrase}) ELSE FALSE END DESC, "
            f"CASE WHEN {tier} IN ({marks}) THEN -ts_rank(e.vector, to_tsquery('simple', %s)) "
            f"ELSE 0 END, e.id LIMIT %s OFFSET %s"
        )
        sql_params = [
            *params,
            *tier_params,
            *tier_params,
            *scored,
            *phrase_params,
            *tier_params,
            *scored,
            self._tsquery(query.terms, "|"),
            stop - start,
            start,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            return cursor.fetchall()


# Entry ids: the type's position times TYPE_SPAN plus a number in the declared order.
TYPE_SPAN = 10**10


def type_range(key):
    from projects.content_types import public_type

    low = public_type(key).position * TYPE_SPAN
    return low, low + TYPE_SPAN - 1


def tally(query, rows):
    """({type: hits}, [hits of each tier]) from rows of (tier, type position, count)."""
    from projects.content_types import public_types

    keys = {declared.position: declared.key for declared in public_types()}
    facets, tiers = {}, [0] * query.tiers
    for tier, position, count in rows:
        key = keys.get(position)
        facets[key] = facets.get(key, 0) + count
        if not query.key or key == query.key:
            tiers[tier] += count
    return facets, tiers


def backend():
    return Postgres() if connection.vendor == "postgresql" else Sqlite()


def windows_for(tiers, start, stop):
    """(tier, limit, offset in the tier, scored) of each tier the hits start:stop fall in."""
    windows, before = [], 0
    for number, count in enumerate(tiers):
        low, high = max(start, before), min(stop, before + count)
        if low < high:
            windows.append((number, high - low, low - before, count <= SCORED))
        before += count
    return windows


def counts(query):
    return backend().counts(query)


def page(query, tiers, start, stop):
    windows = windows_for(tiers, start, stop)
    if not windows:
        return []
    return backend().page(query, windows, start, stop)
