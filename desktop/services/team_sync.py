"""The data file's side of team sync: shared accounts' documents, pending updates, and
applying another laptop's changes.

``desktop/sync`` (the mirror and the worker) reads and writes the data file only through this
service. A remote change is written like an imported bundle (checked the same way, search rows
kept by the database's triggers) *together with* the document state that produced it, in one
transaction, and announced with initiator ``Origin.SYNC`` so the mirror does not echo it back.

``apply_batch`` does that for a whole batch of exchanged rooms in one transaction (a first sync
of 1,000 accounts made 1,000 commits, each an fsync): every account is checked before the
transaction, then all are written together (sync_batch.py); an account the checks refuse is
left out whole, with its problems, while the others of the batch are written and announced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from sqlalchemy import delete, func, select

import desktop
from desktop.exchange.bundle_format import FORMAT, VERSION
from desktop.store.models import Account, Setting, SyncDocument, SyncLostValue, SyncPending

from .events import Change, ChangeKind, Origin, current_initiator, initiated_by
from .whole_accounts import _AccountWriter

if TYPE_CHECKING:
    from desktop.store.database import Database

    from .bundle_import import BundleError, ImportResult

LAPTOP_KEY, USER_KEY = "team.laptop", "team.user"  # settings rows, not shown in Preferences
# + an account uid: the ids of the repairs its rep has been told (desktop/sync/repairs.py), a
# JSON list; a settings row too, kept and dropped with the account's document.
TOLD_KEY = "team.told."


@dataclass(frozen=True)
class Incoming:
    """One room after its exchange, to be written by ``apply_batch``."""

    uid: str
    state: bytes  # the merged document
    body: dict[str, Any] | None = None  # the rows to write; None: only the state changed
    lost: Sequence[dict[str, Any]] = ()  # our values the merge replaced (conflicts.py)
    acknowledged: int = 0  # the server stored our pending updates up to this id (0: none)
    told: Sequence[str] = ()  # repairs the rep is told of now (desktop/sync/repairs.py)


@dataclass
class BatchResult:
    applied: dict[str, ImportResult] = field(default_factory=dict)  # by account uid
    refused: dict[str, BundleError] = field(default_factory=dict)  # nothing of these written


class TeamSyncService(_AccountWriter):
    def shared(self) -> dict[str, str]:
        """Shared account uids with the permission the server gave (read / write)."""
        with self._db.read() as session:
            query = select(SyncDocument.account_uid, SyncDocument.permission)
            return {uid: permission for uid, permission in session.execute(query)}

    def state(self, account_uid: str) -> bytes | None:
        with self._db.read() as session:
            row = session.get(SyncDocument, account_uid)
            return bytes(row.state) if row is not None else None

    def states(self, account_uids: Sequence[str]) -> dict[str, tuple[bytes | None, int | None]]:
        """For each uid: its document state (None if not shared) and its account id (None if
        not received yet), in one read: a first sync asks for a whole batch at once."""
        found: dict[str, tuple[bytes | None, int | None]] = {u: (None, None) for u in account_uids}
        with self._db.read() as session:
            for chunk in _chunks(list(account_uids)):
                query = (
                    select(SyncDocument.account_uid, SyncDocument.state, Account.id)
                    .outerjoin(Account, Account.uid == SyncDocument.account_uid)
                    .where(SyncDocument.account_uid.in_(chunk))
                )
                for uid, state, account_id in session.execute(query):
                    found[uid] = (bytes(state), account_id)
                missing = [u for u in chunk if found[u][0] is None]
                if missing:
                    ids = select(Account.uid, Account.id).where(Account.uid.in_(missing))
                    for uid, account_id in session.execute(ids):
                        found[uid] = (None, account_id)
        return found

    def share(self, account_uid: str, permission: str, state: bytes) -> None:
        """Start (or update) mirroring ``account_uid`` with the document ``state``."""
        with self._db.write() as session:
            session.merge(SyncDocument(account_uid=account_uid, state=state, permission=permission))

    def share_all(self, permissions: dict[str, str]) -> None:
        """``share`` for many accounts at once (one transaction), each keeping its document."""
        with self._db.write() as session:
            rows: dict[str, SyncDocument] = {}
            for chunk in _chunks(list(permissions)):  # one read, not one per account
                query = select(SyncDocument).where(SyncDocument.account_uid.in_(chunk))
                rows.update((row.account_uid, row) for row in session.scalars(query))
            for account_uid, permission in permissions.items():
                row = rows.get(account_uid)
                if row is None:
                    row = SyncDocument(account_uid=account_uid, state=b"", permission=permission)
                    session.add(row)
                row.permission = permission

    def record(self, account_uid: str, state: bytes, update: bytes) -> None:
        """A local change written into the document: its new state and the update to send."""
        with self._db.write() as session:
            session.merge(SyncDocument(account_uid=account_uid, state=state, permission="write"))
            session.add(SyncPending(account_uid=account_uid, yupdate=update))

    def save_state(
        self, account_uid: str, state: bytes, lost: Sequence[dict[str, Any]] = ()
    ) -> None:
        """The merged document, and the values of ours it replaced (same transaction)."""
        with self._db.write() as session:
            row = session.get(SyncDocument, account_uid)
            if row is not None:
                row.state = state
            _keep_lost(session, account_uid, lost)

    def told_repairs(self, account_uids: Sequence[str]) -> dict[str, set[str]]:
        """For each uid: the ids of the repairs its rep has been told (desktop/sync/repairs.py)."""
        found: dict[str, set[str]] = {uid: set() for uid in account_uids}
        with self._db.read() as session:
            for chunk in _chunks(list(account_uids)):
                keys = [TOLD_KEY + uid for uid in chunk]
                for row in session.scalars(select(Setting).where(Setting.key.in_(keys))):
                    found[row.key[len(TOLD_KEY) :]] = _told(row.value)
        return found

    def identity(self) -> tuple[str, str]:
        """This data file's laptop id (made once; it marks our writes in the documents) and
        the team user's name."""
        with self._db.read() as session:
            laptop, user = session.get(Setting, LAPTOP_KEY), session.get(Setting, USER_KEY)
            found = (laptop.value if laptop else None, user.value if user else "")
        if found[0] is None:
            with self._db.write() as session:
                session.merge(Setting(key=LAPTOP_KEY, value=uuid4().hex[:12]))
            return self.identity()
        return found[0], found[1]

    def set_user(self, name: str) -> None:
        """The team user this laptop syncs as (named on our writes, for "changed by")."""
        with self._db.write() as session:
            session.merge(Setting(key=USER_KEY, value=name))

    def pending(self, account_uid: str | None = None) -> int:
        """How many local updates the server has not acknowledged (for one account or all)."""
        query = select(func.count()).select_from(SyncPending)
        if account_uid is not None:
            query = query.where(SyncPending.account_uid == account_uid)
        with self._db.read() as session:
            return int(session.scalar(query) or 0)

    def acknowledged(self, account_uid: str, upto: int) -> None:
        """The server stored every update of ``account_uid`` up to pending id ``upto``."""
        with self._db.write() as session:
            session.execute(
                delete(SyncPending).where(
                    SyncPending.account_uid == account_uid, SyncPending.id <= upto
                )
            )

    def last_pending_id(self, account_uid: str) -> int:
        with self._db.read() as session:
            query = select(func.max(SyncPending.id)).where(SyncPending.account_uid == account_uid)
            return int(session.scalar(query) or 0)

    def last_pending_ids(self, account_uids: Sequence[str]) -> dict[str, int]:
        """``last_pending_id`` of each uid that has pending updates, in one read."""
        found: dict[str, int] = {}
        with self._db.read() as session:
            for chunk in _chunks(list(account_uids)):
                query = (
                    select(SyncPending.account_uid, func.max(SyncPending.id))
                    .where(SyncPending.account_uid.in_(chunk))
                    .group_by(SyncPending.account_uid)
                )
                found.update({uid: int(last) for uid, last in session.execute(query)})
        return found

    def account_id(self, account_uid: str) -> int | None:
        with self._db.read() as session:
            return session.scalar(select(Account.id).where(Account.uid == account_uid))

    def account_uid(self, account_id: int) -> str | None:
        with self._db.read() as session:
            return session.scalar(select(Account.uid).where(Account.id == account_id))

    @property
    def db(self) -> Database:
        """For desktop/sync's reads of a whole account through the bundle exporter (services
        never import an exporter; the mirror does, as ``export_account`` does)."""
        return self._db

    def apply(
        self,
        account_uid: str,
        body: dict[str, Any],
        state: bytes,
        lost: Sequence[dict[str, Any]] = (),
    ) -> ImportResult:
        """Write another laptop's version of the account and the document state it came from,
        in one transaction; announced as ``Origin.SYNC``. BundleError (nothing written) if the
        merged rows do not pass the bundle checks."""
        done = self.apply_batch([Incoming(account_uid, state, body, lost)])
        if account_uid in done.refused:
            raise done.refused[account_uid]
        return done.applied[account_uid]

    def apply_batch(self, batch: Sequence[Incoming]) -> BatchResult:
        """Write a batch of exchanged rooms in one transaction: acknowledged updates dropped,
        states saved, and each ``body`` written like an imported bundle (sync_batch.py). An
        account whose rows fail the bundle checks (or whose uids belong to another
        account) is refused whole: neither its rows nor its state are written, so the next
        cycle receives it again. Every written account is announced as ``Origin.SYNC`` once
        the transaction has committed; an error of the file itself (disk full…) rolls back
        the whole batch."""
        from .bundle_import import BundleError
        from .bundle_read import check_document
        from .sync_batch import REFUSED_SOURCE, write_batch

        result = BatchResult()
        checked = {}
        stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        for item in batch:  # outside the transaction: the window's writes need not wait
            if item.body is None:
                continue
            found = check_document(_bundle(item.body, stamp))
            if found.problems:
                result.refused[item.uid] = BundleError(found.problems, REFUSED_SOURCE)
            else:
                checked[item.uid] = found
        with self._db.write() as session:
            result.applied, refused = write_batch(session, checked)
            result.refused.update(refused)
            query = select(SyncDocument).where(SyncDocument.account_uid.in_(u.uid for u in batch))
            rows = {row.account_uid: row for row in session.scalars(query)}
            for item in batch:
                if item.acknowledged:
                    session.execute(
                        delete(SyncPending).where(
                            SyncPending.account_uid == item.uid,
                            SyncPending.id <= item.acknowledged,
                        )
                    )
                if item.uid in result.refused:
                    continue
                if item.uid in rows:
                    rows[item.uid].state = item.state
                _keep_lost(session, item.uid, item.lost)
                _keep_told(session, item.uid, item.told)
        with initiated_by(Origin.SYNC):
            for written in result.applied.values():
                self._announce_account(written.account_id, Origin.SYNC)
        return result

    def remove(self, account_uid: str, *, keep_rows: bool = False) -> int | None:
        """The account left the team for this laptop (left, or its grant was taken back):
        delete its rows, its document and its unsent updates in one transaction; announced
        as a deleted account (initiator ``Origin.SYNC`` unless someone said otherwise). The
        caller backs the file up first (``desktop/sync/leaving.py``). With ``keep_rows`` the
        rows stay as a local, unshared account. Its id, if it had rows."""
        with self._db.write() as session:
            account = session.scalar(select(Account).where(Account.uid == account_uid))
            account_id = account.id if account is not None else None
            if keep_rows:
                account_id = None  # nothing deleted: nothing to announce
            elif account is not None:
                session.delete(account)
            session.execute(delete(SyncPending).where(SyncPending.account_uid == account_uid))
            session.execute(delete(SyncDocument).where(SyncDocument.account_uid == account_uid))
            session.execute(delete(SyncLostValue).where(SyncLostValue.account_uid == account_uid))
            session.execute(delete(Setting).where(Setting.key == TOLD_KEY + account_uid))
        if account_id is not None:
            initiator = current_initiator() or Origin.SYNC
            self.notifier.publish(
                Change(ChangeKind.ACCOUNT, frozenset({account_id}), account_id, True, initiator)
            )
        return account_id


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _bundle(body: dict[str, Any], stamp: str) -> dict[str, Any]:
    """An account body as the whole bundle document the checks read."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": stamp,
        "app_version": desktop.__version__,
        "account": body,
    }


def _keep_lost(session: Any, account_uid: str, lost: Sequence[dict[str, Any]]) -> None:
    """Add "changed by someone else" entries (desktop/sync/conflicts.py ``Lost.as_row``)."""
    for entry in lost:
        values = {**entry, "value": json.dumps(entry["value"], ensure_ascii=False)}
        session.add(SyncLostValue(account_uid=account_uid, **values))


def _told(value: str) -> set[str]:
    try:
        ids = json.loads(value)
    except ValueError:
        return set()
    return {str(i) for i in ids} if isinstance(ids, list) else set()


def _keep_told(session: Any, account_uid: str, told: Sequence[str]) -> None:
    """Add repair ids the rep has now been told of (``TeamSyncService.told_repairs``)."""
    if not told:
        return
    row = session.get(Setting, TOLD_KEY + account_uid)
    if row is None:
        row = Setting(key=TOLD_KEY + account_uid, value="[]")
        session.add(row)
    row.value = json.dumps(sorted(_told(row.value) | set(told)))
