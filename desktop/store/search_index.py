"""The full-text index over accounts, contacts and opportunities.

One FTS5 table, ``search_fts``; a row's rowid encodes what it indexes (``id * 4 + kind``) so an
entry is replaced or removed by rowid, never by a scan. Inserts and updates are written by a
session hook in the same transaction as the change; deletions — including those done by the
database's own ``ON DELETE CASCADE`` — by triggers created in the migrations, which also
create the table (0001; 0002 made it again with prefix indexes for one- and two-character
queries).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session

from desktop.domain import contact_columns
from desktop.domain.text_search import index_text, match_query, single_letter

from .models import Account, Contact, Opportunity

KIND_CODES = {"account": 0, "contact": 1, "opportunity": 2}
KIND_NAMES = {v: k for k, v in KIND_CODES.items()}
FTS_TABLE = "search_fts"


@dataclass(frozen=True)
class SearchHit:
    kind: str  # account / contact / opportunity
    id: int
    account_id: int
    title: str  # the name as stored
    subtitle: str  # account name, title or stage: what tells two hits apart
    rank: float


def _entry(obj: Any) -> tuple[int, str, str, int] | None:
    """(rowid, title text, body text, account id) for an indexed object."""
    if isinstance(obj, Account):
        return (
            obj.id * 4,
            index_text(obj.name, obj.alt_name),
            index_text(obj.industry, obj.city, obj.main_business, obj.segment_code, obj.notes),
            obj.id,
        )
    if isinstance(obj, Contact):
        title, body = contact_entry_text(lambda name: getattr(obj, name))
        return (obj.id * 4 + 1, title, body, obj.account_id)
    if isinstance(obj, Opportunity):
        return (obj.id * 4 + 2, index_text(obj.name), index_text(obj.pains), obj.account_id)
    return None


def contact_index_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The contact fields of an index entry's title and of its body, as the contact's column
    declaration (``desktop.domain.contact_columns``) places them."""
    return contact_columns.search_fields("title"), contact_columns.search_fields("body")


def contact_entry_text(
    value: Callable[[str], Any], parts: tuple[tuple[str, ...], tuple[str, ...]] | None = None
) -> tuple[str, str]:
    """(title, body) of a contact's index entry, each field read with ``value(field name)``.

    The ORM hook and the contact import's bulk insert both use this, so their entries cannot
    differ; ``parts`` (``contact_index_fields()``) saves looking the fields up once per row.
    """
    title, body = parts or contact_index_fields()
    return index_text(*map(value, title)), index_text(*map(value, body))


def write_entries(conn: Connection, objects: list[Any]) -> None:
    rows = [e for e in map(_entry, objects) if e is not None]
    if not rows:
        return
    params = [{"r": r, "t": t, "b": b, "a": a} for r, t, b, a in rows]
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :r"), params)
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, title, body, account_id) VALUES (:r, :t, :b, :a)"),
        params,
    )


def install(session_class: type[Session] | Any) -> None:
    """Keep the index in step with every flush of sessions made by ``session_class``."""

    @event.listens_for(session_class, "after_flush")
    def _after_flush(session: Session, _ctx: Any) -> None:
        changed = [
            o
            for o in (*session.new, *session.dirty)
            if isinstance(o, Account | Contact | Opportunity) and o not in session.deleted
        ]
        if changed:
            write_entries(session.connection(), changed)


def rebuild(conn: Connection) -> int:
    """Rebuild the whole index from the tables (after a bulk load or a repair)."""
    conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
    count = 0
    with Session(bind=conn) as s:
        for model in (Account, Contact, Opportunity):
            batch: list[Any] = []
            for obj in s.scalars(select(model).execution_options(yield_per=2000)):
                batch.append(obj)
                if len(batch) >= 2000:
                    write_entries(conn, batch)
                    count += len(batch)
                    batch.clear()
            write_entries(conn, batch)
            count += len(batch)
    return count


def _phases(expr: str, broad: bool) -> list[tuple[str, bool]]:
    """(MATCH expression, ranked) of each group of hits, in the order they are listed."""
    if broad:
        # One letter or digit: names that start with it, then names with a word that does, then
        # matches anywhere else, each in index order (see text_search.single_letter).
        return [(f"{{title}} : ^{expr}", False), (f"{{title}} : ({expr})", False), (expr, False)]
    return [(f"{{title}} : ({expr})", True), (expr, False)]


def _candidates(conn: Connection, expr: str, limit: int, broad: bool) -> list[tuple[int, float]]:
    """(rowid, score) of the best hits: ranked name matches, then matches anywhere else.

    Ranking every match of a broad query costs time in proportion to the matches, so only name
    matches are ranked (bm25), and none for a single letter; the later groups fill the list in
    index order, which stops as soon as enough are found. One- and two-character prefixes have
    an index of their own (migration 0002), so no lookup expands to every word they begin.
    """
    found: list[tuple[int, float]] = []
    seen: set[int] = set()
    for match, ranked in _phases(expr, broad):
        if len(found) >= limit:
            break
        if ranked:
            sql = (
                f"SELECT rowid, bm25({FTS_TABLE}, 10.0, 1.0) AS score FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH :q ORDER BY score LIMIT :lim"
            )
        else:
            sql = f"SELECT rowid, 0.0 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT :lim"
        # Rows already listed can come again: ask for enough to fill the list regardless.
        rows = conn.execute(text(sql), {"q": match, "lim": limit - len(found) + len(seen)})
        for rowid, score in rows:
            if rowid not in seen and len(found) < limit:
                seen.add(rowid)
                found.append((int(rowid), float(score)))
    return found


def search(conn: Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Hits for ``query``, best first: name matches before matches elsewhere."""
    expr = match_query(query)
    if expr is None:
        return []
    found = _candidates(conn, expr, limit, single_letter(query))
    if not found:
        return []
    values = ", ".join(f"(:r{i}, {i})" for i in range(len(found)))
    params = {f"r{i}": rid for i, (rid, _) in enumerate(found)}
    sql = text(
        f"""
        WITH hits(rid, ord) AS (VALUES {values})
        SELECT h.rid % 4 AS kind, h.rid / 4 AS id,
            COALESCE(a.name, c.name, o.name) AS title,
            COALESCE(a.industry, ca.name || CASE WHEN c.title <> '' THEN ' · ' || c.title
                ELSE '' END, oa.name) AS subtitle,
            COALESCE(a.id, c.account_id, o.account_id) AS account_id
        FROM hits h
        LEFT JOIN accounts a ON h.rid % 4 = 0 AND a.id = h.rid / 4
        LEFT JOIN contacts c ON h.rid % 4 = 1 AND c.id = h.rid / 4
        LEFT JOIN accounts ca ON ca.id = c.account_id
        LEFT JOIN opportunities o ON h.rid % 4 = 2 AND o.id = h.rid / 4
        LEFT JOIN accounts oa ON oa.id = o.account_id
        WHERE COALESCE(a.id, c.id, o.id) IS NOT NULL
        ORDER BY h.ord
        """
    )
    scores = dict(found)
    return [
        SearchHit(
            KIND_NAMES[r.kind],
            r.id,
            r.account_id,
            r.title,
            r.subtitle or "",
            scores[r.id * 4 + r.kind],
        )
        for r in conn.execute(sql, params)
    ]
