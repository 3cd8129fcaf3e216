"""The full-text index over accounts, contacts and opportunities.

One FTS5 table, ``search_fts``; a row's rowid encodes what it indexes (``id * 4 + kind``) so an
entry is replaced or removed by rowid, never by a scan. Inserts and updates are written by a
session hook in the same transaction as the change; deletions — including those done by the
database's own ``ON DELETE CASCADE`` — by triggers created in the migrations, which also
create the table (0001; 0002 made it again with prefix indexes for one- and two-character
queries). A contact's entry holds every e-mail and phone of the person (``contact_details``),
not only the preferred ones in its columns: a change to a detail re-indexes its owner.

The entries are only as good as the code that wrote them. When that code changes what goes into
an entry, ``INDEX_VERSION`` goes up; a file whose index was written by an older version is
rebuilt once when it is opened (``ensure_fresh``), so people saved before an upgrade are found
by what the new version finds. The version lives in SQLite's ``user_version`` header field,
which encryption carries over (``crypto.encrypt_copy``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.orm import Session

from desktop.domain import contact_columns
from desktop.domain.text_search import index_text, match_query, single_letter

from .models import Account, Contact, ContactDetail, Opportunity

KIND_CODES = {"account": 0, "contact": 1, "opportunity": 2}
KIND_NAMES = {v: k for k, v in KIND_CODES.items()}
FTS_TABLE = "search_fts"
log = logging.getLogger(__name__)

#: What the entries hold. 1: names, titles, notes, preferred phone and e-mail. 2: every e-mail
#: and phone of a person, each phone's digits kept apart from the next (issue 15).
INDEX_VERSION = 2


@dataclass(frozen=True)
class SearchHit:
    kind: str  # account / contact / opportunity
    id: int
    account_id: int
    title: str  # the name as stored
    subtitle: str  # account name, title or stage: what tells two hits apart
    rank: float


# The details whose every value is found, not only the preferred one in the contact's columns.
SEARCHED_DETAILS = ("email", "phone")


def _entry(obj: Any, more: dict[int, list[str]] | None = None) -> tuple[int, str, str, int] | None:
    """(rowid, title text, body text, account id) for an indexed object; ``more`` holds each
    contact's searched detail values (``detail_values``)."""
    if isinstance(obj, Account):
        return (obj.id * 4, *account_entry_text(lambda name: getattr(obj, name)), obj.id)
    if isinstance(obj, Contact):
        values = (more or {}).get(obj.id, ())
        title, body = contact_entry_text(lambda name: getattr(obj, name), more=values)
        return (obj.id * 4 + 1, title, body, obj.account_id)
    if isinstance(obj, Opportunity):
        text_of = opportunity_entry_text(lambda name: getattr(obj, name))
        return (obj.id * 4 + 2, *text_of, obj.account_id)
    return None


def account_entry_text(value: Callable[[str], Any]) -> tuple[str, str]:
    """(title, body) of an account's index entry, each field read with ``value(field name)``."""
    return (
        index_text(value("name"), value("alt_name")),
        index_text(
            value("industry"),
            value("city"),
            value("main_business"),
            value("segment_code"),
            value("notes"),
        ),
    )


def opportunity_entry_text(value: Callable[[str], Any]) -> tuple[str, str]:
    """(title, body) of an opportunity's index entry."""
    return index_text(value("name")), index_text(value("pains"))


def contact_index_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The contact fields of an index entry's title and of its body, as the contact's column
    declaration (``desktop.domain.contact_columns``) places them."""
    return contact_columns.search_fields("title"), contact_columns.search_fields("body")


def contact_entry_text(
    value: Callable[[str], Any],
    parts: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
    more: Sequence[str] = (),
) -> tuple[str, str]:
    """(title, body) of a contact's index entry, each field read with ``value(field name)``;
    ``more`` are the person's other e-mails and phones (values the fields hold are left out).

    The ORM hook and the contact import's bulk insert both use this, so their entries cannot
    differ; ``parts`` (``contact_index_fields()``) saves looking the fields up once per row.
    """
    title, body = parts or contact_index_fields()
    shown = [value(name) for name in body]
    extra = [v for v in more if v not in shown]
    return index_text(*map(value, title)), index_text(*shown, *extra)


def searched_values(details: Iterable[tuple[str, str]]) -> list[str]:
    """The values of (kind, value) details, in order, that a contact's entry holds."""
    return [value for kind, value in details if kind in SEARCHED_DETAILS]


def detail_values(conn: Connection, contact_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each contact's searched detail values in stored order, by contact id (one query)."""
    ids = sorted(set(contact_ids))
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):  # well under SQLite's limit of bound values
        rows = conn.execute(
            select(ContactDetail.contact_id, ContactDetail.kind, ContactDetail.value)
            .where(ContactDetail.contact_id.in_(ids[start : start + 500]))
            .where(ContactDetail.kind.in_(SEARCHED_DETAILS))
            .order_by(ContactDetail.contact_id, ContactDetail.position)
        )
        for contact_id, _kind, value in rows:
            found.setdefault(contact_id, []).append(value)
    return found


def write_entries(conn: Connection, objects: list[Any]) -> None:
    contact_ids = [o.id for o in objects if isinstance(o, Contact)]
    more = detail_values(conn, contact_ids) if contact_ids else {}
    _store(conn, [e for e in (_entry(o, more) for o in objects) if e is not None])


def write_row_entries(
    conn: Connection,
    accounts: Sequence[Mapping[str, Any]],
    contacts: Sequence[Mapping[str, Any]],
    opportunities: Sequence[Mapping[str, Any]],
) -> None:
    """The entries of rows inserted without ORM objects (a first sync's new accounts,
    desktop/services/sync_insert.py), from their column values by column name, with ``id``
    and ``account_id``: the same text ``write_entries`` makes of the same rows as objects.
    Their contacts' e-mails and phones are read back from the file, as ``write_entries`` does."""
    more = detail_values(conn, [c["id"] for c in contacts]) if contacts else {}
    rows = [(a["id"] * 4, *account_entry_text(a.get), a["id"]) for a in accounts]
    parts = contact_index_fields()
    for c in contacts:
        title, body = contact_entry_text(c.get, parts, more.get(c["id"], ()))
        rows.append((c["id"] * 4 + 1, title, body, c["account_id"]))
    rows += [
        (o["id"] * 4 + 2, *opportunity_entry_text(o.get), o["account_id"]) for o in opportunities
    ]
    _store(conn, rows)


def _store(conn: Connection, rows: list[tuple[int, str, str, int]]) -> None:
    """Write (rowid, title, body, account id) entries, replacing any with the same rowid."""
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
        # A person's e-mails and phones are searched too: a change to one re-indexes its owner
        # (unless the owner itself is gone; its entry went with it).
        covered = {o.id for o in (*changed, *session.deleted) if isinstance(o, Contact)}
        owners = {
            o.contact_id
            for o in (*session.new, *session.dirty, *session.deleted)
            if isinstance(o, ContactDetail) and o.contact_id not in covered
        }
        if owners:
            with session.no_autoflush:
                changed += session.scalars(select(Contact).where(Contact.id.in_(owners)))
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


def written_version(conn: Connection) -> int:
    """The ``INDEX_VERSION`` the file's entries were written by (0: before versions existed)."""
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def ensure_fresh(engine: Engine) -> int | None:
    """Rebuild the index of a file written by an older ``INDEX_VERSION``, in one transaction.

    Returns the number of entries written, or None when the index was already current. A
    crash or a full disk mid-way rolls back: the old entries stay and the next opening tries
    again (``user_version`` is written in the same transaction)."""
    with engine.connect() as conn:
        if written_version(conn) >= INDEX_VERSION:
            return None
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            if written_version(conn) >= INDEX_VERSION:  # another process just did it
                return None
            count = rebuild(conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {int(INDEX_VERSION)}")
    log.info("search index rebuilt for version %d: %d entries", INDEX_VERSION, count)
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
