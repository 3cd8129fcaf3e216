"""Search index with prefix indexes for one- and two-character queries; indexes on the three
foreign keys that had none.

A Latin query is a prefix query ("m" finds every word starting with m). Without a prefix index
FTS5 looks up every distinct word with that prefix and merges their lists on each keystroke: at
a million contacts "1" alone expands to a million phone numbers (~0.2-0.7 s per search). With
``prefix = '1 2'`` FTS5 also stores one list per one- and two-character prefix, so those
lookups read a single list. FTS5 cannot add the option to an existing table, so the table is
made again and filled from its own stored text (already in index form; no Python runs per row).

The text is parked in a TEMP table first and the old table dropped before the new one is
filled, so the new index reuses the old one's pages and the file grows only by the prefix lists
(about a sixth of an index's size), not by a second index.

The foreign keys ``planned_questions.target_contact_id``, ``needs.contact_id`` and
``fab_statements.need_id`` had no index, so deleting one contact or need scanned the whole child
table for its ON DELETE SET NULL (deleting 5,000 contacts at M took 50 s).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 21:00:00
"""

from alembic import op

# Written out, not imported: a migration must keep doing what it did when it shipped.
FTS_CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, account_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', "
    "prefix = '1 2')"
)
TRIGGER_TABLES = (("accounts", 0), ("contacts", 1), ("opportunities", 2))

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


FK_INDEXES = (
    ("ix_planned_questions_target_contact_id", "planned_questions", "target_contact_id"),
    ("ix_needs_contact_id", "needs", "contact_id"),
    ("ix_fab_statements_need_id", "fab_statements", "need_id"),
)


def upgrade() -> None:
    for name, table, column in FK_INDEXES:
        op.create_index(name, table, [column])
    op.execute(
        "CREATE TEMP TABLE search_fts_0002 AS "
        "SELECT rowid AS rid, title, body, account_id FROM search_fts"
    )
    # Dropped with the table, and made again below against the new one.
    for table, _ in TRIGGER_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search_ad")
    op.execute("DROP TABLE search_fts")
    op.execute(FTS_CREATE)
    op.execute(
        "INSERT INTO search_fts(rowid, title, body, account_id) "
        "SELECT rid, title, body, account_id FROM temp.search_fts_0002 ORDER BY rid"
    )
    op.execute("DROP TABLE temp.search_fts_0002")
    for table, code in TRIGGER_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_fts WHERE rowid = old.id * 4 + {code}; END"
        )


def downgrade() -> None:
    pass
