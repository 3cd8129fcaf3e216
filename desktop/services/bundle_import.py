"""Importing an account bundle: check the whole file, then write it in one transaction.

Every problem in the file is collected before anything is written — unreadable bytes, bad JSON,
the wrong format or version, every JSON Schema error, duplicate uids, dangling references,
reports-to cycles, impossible dates, uids that belong to another account — and reported together
with its location as a JSON path (``account.contacts[3].reports_to: …``). A clean file is
written in one ``db.write()`` transaction; an account with the same uid is replaced. The format
is described in docs/bundle-format.md; the layout and column handling are shared with
desktop/exchange/bundle_format.py.

This module is the importer's public face; the work is done by its parts:
bundle_read.py (bytes, JSON, header), bundle_checks.py (the content), bundle_words.py (problems
in words), bundle_match.py (uids owned by another account) and bundle_write.py (the rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.playbook import Playbook
from desktop.store.database import Database

from .bundle_match import conflicts
from .bundle_read import MAX_DEPTH, Checked, check_document, check_file
from .bundle_words import format_path
from .bundle_write import ImportResult, from_json_value, write_account

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_REPORTED",
    "BundleError",
    "ImportResult",
    "format_path",
    "from_json_value",
    "import_bundle",
    "import_document",
    "read_bundle",
]

MAX_BYTES = 50 * 1024 * 1024
MAX_REPORTED = 200  # problems listed; the rest are counted


class BundleError(Exception):
    """The bundle cannot be imported; ``problems`` says where and why, one line each."""

    def __init__(self, problems: list[str], source: str = "The bundle") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = self.problems[:MAX_REPORTED]
        lines = [f"{self.source} cannot be imported; nothing was changed:"]
        lines += [f"- {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"- … and {len(self.problems) - len(shown)} more problems")
        return "\n".join(lines)


def import_bundle(db: Database, src: Path, playbook: Playbook | None = None) -> ImportResult:
    """Check ``src`` completely (its keys against ``playbook``, the bundled one when None),
    then write its account into ``db`` in one transaction."""
    return _import(db, check_file(src, MAX_BYTES, playbook), src.name)


def import_document(
    db: Database, doc: dict[str, Any], source: str, playbook: Playbook | None = None
) -> ImportResult:
    """Check an already parsed bundle ``doc`` as a file would be, then write it like
    ``import_bundle``; ``source`` names it in problems (the demo account is loaded this way)."""
    return _import(db, check_document(doc, playbook), source)


def read_bundle(src: Path, playbook: Playbook | None = None) -> dict[str, Any]:
    """The checked document in ``src`` (no database involved); raises BundleError."""
    checked = check_file(src, MAX_BYTES, playbook)
    if checked.problems:
        raise BundleError(checked.problems, src.name)
    return checked.doc


def _import(db: Database, checked: Checked, source: str) -> ImportResult:
    if checked.problems:
        if checked.uids:  # also name the uids that clash with the database
            with db.read() as session:
                checked.problems += conflicts(session, checked.uids)
        raise BundleError(checked.problems, source)
    with db.write() as session:
        if clashes := conflicts(session, checked.uids):
            raise BundleError(clashes, source)  # rolls back; nothing was written yet
        return write_account(session, checked.doc)
