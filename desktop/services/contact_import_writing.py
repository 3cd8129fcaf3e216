"""Writing a preview's good rows: a few multi-row statements inside the caller's transaction.

Ids are given out before anything is inserted, so reporting lines and search index entries are
known up front; every contact gets the blanks its column declaration
(``desktop.domain.contact_columns``) gives for what the file does not fill.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain import contact_columns
from desktop.domain.org_chart import would_create_cycle
from desktop.store import search_index
from desktop.store.models import BuyingRole, Contact, ContactDetail, new_uid, utcnow

from . import fields
from .contact_import_rows import ImportRow


def _table(model: type[Any]) -> Table:
    """A mapped class's table (declared as a FromClause, which Core's insert does not take)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _blank_fields() -> tuple[dict[str, Any], dict[str, Any]]:
    """What an imported contact gets in the columns its row does not fill: (the fields a file
    can fill, given per row; the fields no file fills, the same for every row)."""
    per_row: dict[str, Any] = {}
    shared: dict[str, Any] = {}
    for c in contact_columns.stored():
        if c.field in (None, "name", "reports_to_id"):  # always given for each row
            continue
        (per_row if c.imported else shared)[c.field] = c.blank
    return per_row, shared


def write_rows(
    s: Session,
    rows: list[ImportRow],
    wanted: list[int],
    existing: Sequence[Any],
    account_id: int,
    opportunity_id: int | None,
) -> tuple[dict[int, int], bool]:
    """Insert the wanted rows; ({row index: new contact id}, whether buying roles were written).

    A good row's values are what ``fields.clean`` returned in the preview. Ids are given out
    here (the write transaction holds the file's only write lock), so reporting lines and index
    entries are known before anything is inserted; foreign keys are checked at commit, as a
    manager may come later in the file than the people who report to them.
    """
    if not wanted:
        return {}, False
    conn = s.connection()
    first = (conn.execute(select(func.max(Contact.id))).scalar() or 0) + 1
    created = {i: first + n for n, i in enumerate(wanted)}
    existing_ids = {c.id for c in existing}
    chart: dict[int, int | None] = {c.id: c.reports_to_id for c in existing}
    chart.update(dict.fromkeys(created.values()))
    for i in wanted:
        contact_id = created[i]
        manager_id = _manager_id(rows, i, created, existing_ids)
        if manager_id is not None and not would_create_cycle(chart, contact_id, manager_id):
            chart[contact_id] = manager_id
    now = utcnow()
    blank, never_filled = _blank_fields()
    shared = {**never_filled, "account_id": account_id, "created_at": now, "updated_at": now}
    # The details' uids: one random half for this import, a counter for the other, so the
    # unique index takes ~6 new values a person in order instead of at random places.
    head = new_uid()[:16]
    detail_uids = (f"{head}{n:016x}" for n in itertools.count())
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # until this transaction ends
    with _page_cache(conn, IMPORT_CACHE_KIB):
        for start in range(0, len(wanted), WRITE_BATCH):  # batches: memory stays flat
            contacts = [
                {
                    **blank,
                    **rows[i].values,
                    "id": created[i],
                    "uid": new_uid(),
                    "reports_to_id": chart[created[i]],
                }
                for i in wanted[start : start + WRITE_BATCH]
            ]
            _insert_many(conn, _table(Contact), contacts, shared)
            more = [
                search_index.searched_values((d.kind, d.value) for d in rows[i].details)
                for i in wanted[start : start + WRITE_BATCH]
            ]
            _index_new_contacts(conn, contacts, more, account_id)
            details = [
                (next(detail_uids), created[i], d.kind, d.type, d.value, d.preferred, position)
                for i in wanted[start : start + WRITE_BATCH]
                for position, d in enumerate(rows[i].details)
            ]
            if details:  # a 100k-row file holds ~330k values (~1.1M with every detail)
                _insert_rows(conn, _table(ContactDetail), _DETAIL_COLUMNS, details)
    blank_role: dict[str, Any] = {
        "roles": [],
        "attitude": "unknown",
        "influence": None,
        "notes": "",
    }
    roles = [
        {**blank_role, **rows[i].role, "opportunity_id": opportunity_id, "contact_id": created[i]}
        for i in wanted
        if opportunity_id is not None and rows[i].role and fields.has_part(rows[i].role)
    ]
    if roles:
        conn.execute(insert(_table(BuyingRole)), roles)
    return created, bool(roles)


WRITE_BATCH = 10_000  # rows per statement (executemany)
# Pages the import may keep in memory (KiB). With SQLite's default of 2 MiB, 100k new people
# in a large file (L: 1M contacts) dirty far more index pages than fit, and each one is written
# out to the journal again and again before the commit. Only taken as needed, and given back.
IMPORT_CACHE_KIB = 128 * 1024


@contextmanager
def _page_cache(conn: Connection, kib: int) -> Iterator[None]:
    """A page cache of ``kib`` for the block, then the connection's own size again (changed
    pages stay in memory until the commit whatever the size says)."""
    size = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    restore = f"PRAGMA cache_size = {int(size)}"
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    except BaseException:
        with suppress(DBAPIError):  # the write's own error is the one to report
            conn.exec_driver_sql(restore)
        raise
    conn.exec_driver_sql(restore)


def _insert_many(
    conn: Connection, table: Table, records: list[dict[str, Any]], shared: dict[str, Any]
) -> None:
    """One executemany: each record's own values plus ``shared`` (the same for every row).

    Values reach the driver as SQLAlchemy would store them (its column types convert dates,
    timestamps and JSON lists); the shared ones are converted once, not once per row.
    """
    own = list(records[0])
    if any(len(r) != len(own) for r in records) or set(own) & set(shared):
        raise ValueError("every record must name the same columns, none of them shared")

    def converter(name: str) -> Any:
        return _converter(conn, table, name)

    fixed = []
    for name, value in shared.items():
        convert = converter(name)
        fixed.append(convert(value) if convert is not None and value is not None else value)
    per_row = [(k, convert) for k, name in enumerate(own) if (convert := converter(name))]
    values = itemgetter(*own)
    params = []
    for record in records:
        row = list(values(record))
        for k, convert in per_row:
            if row[k] is not None:
                row[k] = convert(row[k])
        params.append((*row, *fixed))
    names = [*own, *shared]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.exec_driver_sql(sql, params)


def _converter(conn: Connection, table: Table, name: str) -> Any:
    """What SQLAlchemy's type for the column does to a value before the driver gets it."""
    return table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)


# The order of a detail's values in ``write_rows``.
_DETAIL_COLUMNS = ("uid", "contact_id", "kind", "type", "value", "preferred", "position")
# Bound values per statement: SQLite's oldest default limit (999), which any build accepts.
_MAX_VARIABLES = 999


def _insert_rows(
    conn: Connection, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples of the ``names`` columns' values, converted as SQLAlchemy's
    column types convert them) as multi-row ``INSERT … VALUES (…), (…)`` statements.

    Not one executemany: SQLite sets up a statement's lookups (such as those of the ``IN (…)``
    CHECK constraints on contact_details' kind and type) once per execution, which executemany
    pays for every row: a detail row costs about half as much this way, with the same
    constraints checked. (The contacts' wide rows gain nothing: ~20 fit a statement.)
    """
    width = len(names)
    converted = [(k, c) for k, name in enumerate(names) if (c := _converter(conn, table, name))]
    per_statement = max(1, _MAX_VARIABLES // width)
    head = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
    one = f"({', '.join('?' * width)})"
    full = head + ", ".join([one] * per_statement)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        values = list(itertools.chain.from_iterable(chunk))
        for k, convert in converted:  # column k of every row: every width-th value from k
            values[k::width] = [None if v is None else convert(v) for v in values[k::width]]
        sql = full if len(chunk) == per_statement else head + ", ".join([one] * len(chunk))
        conn.exec_driver_sql(sql, tuple(values))


def _index_new_contacts(
    conn: Connection, contacts: list[dict[str, Any]], more: list[list[str]], account_id: int
) -> None:
    """Search index entries for contacts inserted without the ORM, as its flush hook writes
    them (``search_index._entry``; tests compare the two); ``more`` holds each one's searched
    detail values."""
    code = search_index.KIND_CODES["contact"]
    table = search_index.FTS_TABLE
    low, high = contacts[0]["id"] * 4 + code, contacts[-1]["id"] * 4 + code
    # The ids are new: an entry under one of them can only be left over in a damaged index.
    stale = conn.exec_driver_sql(
        f"SELECT rowid FROM {table} WHERE rowid BETWEEN ? AND ? AND rowid % 4 = ?",
        (low, high, code),
    ).all()
    if stale:
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", [tuple(r) for r in stale])
    parts = search_index.contact_index_fields()
    entries = []
    for c, values in zip(contacts, more, strict=True):
        title, body = search_index.contact_entry_text(c.__getitem__, parts, values)
        entries.append((c["id"] * 4 + code, title, body, account_id))
    conn.exec_driver_sql(
        f"INSERT INTO {table}(rowid, title, body, account_id) VALUES (?, ?, ?, ?)", entries
    )


def _manager_id(
    rows: list[ImportRow], i: int, created: dict[int, int], existing: set[int]
) -> int | None:
    row = rows[i]
    if row.manager_contact is not None:
        return row.manager_contact if row.manager_contact in existing else None
    seen: set[int] = set()
    j = row.manager_row
    while j is not None and j not in seen:
        seen.add(j)
        if j in created:
            return created[j]
        manager = rows[j]
        # A skipped duplicate stands for the person it duplicates.
        if manager.duplicate_of_contact is not None:
            return manager.duplicate_of_contact[0]
        j = manager.duplicate_of_row
    return None
