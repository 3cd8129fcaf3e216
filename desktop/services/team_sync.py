"""The data file's side of team sync: shared accounts' documents, pending updates, and
applying another laptop's changes.

``desktop/sync`` (the mirror and the worker) reads and writes the data file only through this
service. A remote change is written like an imported bundle (checked the same way, search rows
kept by the database's triggers) *together with* the document state that produced it, in one
transaction, and announced with initiator ``Origin.SYNC`` so the mirror does not echo it back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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

    from .bundle_import import ImportResult

LAPTOP_KEY, USER_KEY = "team.laptop", "team.user"  # settings rows, not shown in Preferences


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

    def share(self, account_uid: str, permission: str, state: bytes) -> None:
        """Start (or update) mirroring ``account_uid`` with the document ``state``."""
        with self._db.write() as session:
            session.merge(SyncDocument(account_uid=account_uid, state=state, permission=permission))

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
        from .bundle_import import BundleError
        from .bundle_match import conflicts
        from .bundle_read import check_document
        from .bundle_write import write_account

        stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": stamp,
            "app_version": desktop.__version__,
            "account": body,
        }
        checked = check_document(doc)
        if checked.problems:
            raise BundleError(checked.problems, "The team's version of the account")
        with self._db.write() as session:
            if clashes := conflicts(session, checked.uids):
                raise BundleError(clashes, "The team's version of the account")
            result = write_account(session, checked.doc)
            row = session.get(SyncDocument, account_uid)
            if row is not None:
                row.state = state
            _keep_lost(session, account_uid, lost)
        with initiated_by(Origin.SYNC):
            self._announce_account(result.account_id, Origin.SYNC)
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
        if account_id is not None:
            initiator = current_initiator() or Origin.SYNC
            self.notifier.publish(
                Change(ChangeKind.ACCOUNT, frozenset({account_id}), account_id, True, initiator)
            )
        return account_id


def _keep_lost(session: Any, account_uid: str, lost: Sequence[dict[str, Any]]) -> None:
    """Add "changed by someone else" entries (desktop/sync/conflicts.py ``Lost.as_row``)."""
    for entry in lost:
        values = {**entry, "value": json.dumps(entry["value"], ensure_ascii=False)}
        session.add(SyncLostValue(account_uid=account_uid, **values))
