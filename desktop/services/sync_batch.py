"""Writing a sync batch's received accounts in the caller's transaction, as fast as is safe.

Every account has passed the bundle checks; each is then matched against the file (its rows'
uids must not belong to another account, bundle_match.py). Then all of them are added and
flushed together, in one savepoint: one INSERT per table for the whole batch and one write of
the search index, where one flush per account cost a round of statements each. Accounts the
file does not have yet (all of them in a first sync) are inserted as plain rows, without ORM
objects (sync_insert.py). If that flush
fails (two accounts of the batch claim the same row, or a row the checks let through breaks a
constraint), the savepoint is rolled back and the accounts are written again one by one, each
in a savepoint of its own, so only the account at fault is refused and none is half written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .bundle_import import BundleError, ImportResult
from .bundle_match import conflicts, conflicts_of_each
from .bundle_read import Checked
from .bundle_write import add_account, write_account
from .sync_insert import insert_accounts, new_uids

REFUSED_SOURCE = "The team's version of the account"


def write_batch(
    session: Session, checked: dict[str, Checked]
) -> tuple[dict[str, ImportResult], dict[str, BundleError]]:
    """Write the checked accounts (by account uid): those written, those refused (nothing of
    them written)."""
    refused: dict[str, BundleError] = {}
    # Against the file as it was before this batch, all accounts in one query per kind of row.
    before = conflicts_of_each(session, {uid: found.uids for uid, found in checked.items()})
    for uid, clashes in before.items():
        if clashes:
            refused[uid] = BundleError(clashes, REFUSED_SOURCE)
    wanted = {uid: found for uid, found in checked.items() if uid not in refused}
    together = _together(session, wanted)
    if together is not None:
        return together, refused
    written: dict[str, ImportResult] = {}
    for uid, found in wanted.items():
        if clashes := conflicts(session, found.uids):  # now with the batch's earlier accounts
            refused[uid] = BundleError(clashes, REFUSED_SOURCE)
            continue
        try:
            with session.begin_nested():
                written[uid] = write_account(session, found.doc)
        except IntegrityError as error:  # rolled back to before this account
            problem = f"account: the rows cannot be stored ({error.orig})"
            refused[uid] = BundleError([problem], REFUSED_SOURCE)
    return written, refused


def _together(session: Session, wanted: dict[str, Checked]) -> dict[str, ImportResult] | None:
    """Every account written, then one flush; None (nothing kept) if that failed. Accounts the
    file does not have yet are inserted without ORM objects (sync_insert.py); those that
    replace an account of the file go through the ORM, which deletes the old one first."""
    if not wanted:
        return {}
    next_ids: dict[type[Any], int] = {}
    fresh = new_uids(session, list(wanted))
    try:
        with session.begin_nested(), session.no_autoflush:
            new = {uid: found.doc for uid, found in wanted.items() if uid in fresh}
            inserted = insert_accounts(session, new, next_ids) if new else {}
            added = {
                uid: add_account(session, found.doc, next_ids)
                for uid, found in wanted.items()
                if uid not in fresh
            }
            session.flush()
    except IntegrityError:
        return None
    replaced = {uid: account.result() for uid, account in added.items()}
    return {uid: inserted[uid] if uid in inserted else replaced[uid] for uid in wanted}
