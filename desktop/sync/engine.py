"""Each shared account's document kept in step with its rows, both ways.

* **Local -> document.** ``capture`` writes an account's current rows into its document (only
  what differs) and keeps the update as pending until the server acknowledges it. ``attach``
  subscribes ``on_change`` to the services' notifier, so every committed change whose initiator
  is not ``Origin.SYNC`` is captured at once; a sync cycle also captures every shared account
  first, which picks up edits made while nothing was listening (another process, an old run).
* **Document -> local.** ``receive`` reads the merged document back into rows, restores the
  invariants a merge can break (desktop/sync/invariants.py: reporting cycles, duplicate buying
  roles) and, if they differ from the file, writes them through ``TeamSyncService.apply``
  (checked like a bundle, one transaction with the document state, announced as
  ``Origin.SYNC``). The repaired rows reach the document at the next capture; every laptop
  makes the same repair of the same merge, so they agree. Each repair is also recorded in the
  document (desktop/sync/repairs.py), and every repair the rep has not been told of yet, made
  here or recorded by another laptop, is kept in ``notices`` for the rep, once.

A read-only account's local edits are never captured: the server would refuse them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pycrdt import Doc, Map

from desktop.export.bundle import bundle_dict
from desktop.services.events import Change, Origin
from desktop.services.team_sync import BatchResult, Incoming, TeamSyncService

from .conflicts import from_notices, lost_values
from .invariants import Notice, repair
from .mirror import ROOT, Author, read_rows, write_rows
from .repairs import record, recorded, untold

log = logging.getLogger(__name__)
WRITE = "write"


def account_body(service: TeamSyncService, account_id: int) -> dict[str, Any]:
    """The account and everything under it, as the body of a bundle."""
    return dict(bundle_dict(service.db, account_id)["account"])


def load_doc(state: bytes | None) -> Doc[Any]:
    doc: Doc[Any] = Doc()
    if state:
        doc.apply_update(state)
    return doc


class SyncEngine:
    def __init__(self, service: TeamSyncService) -> None:
        self.service = service
        self.notices: list[Notice] = []  # repairs the rep is to be told of (repairs.py)

    def attach(self) -> None:
        self.service.notifier.subscribe(self.on_change)

    def detach(self) -> None:
        self.service.notifier.unsubscribe(self.on_change)

    def on_change(self, change: Change) -> None:
        """A committed change: mirror it into the document unless it came from sync."""
        if change.initiator is Origin.SYNC or change.account_id is None:
            return
        if not change.touches_rows or change.deleted and change.kind == "account":
            return
        uid = self.service.account_uid(change.account_id)
        if uid is not None and self.service.shared().get(uid) == WRITE:
            self.capture(uid)

    def start_sharing(self, account_id: int) -> str:
        """Make an account shared: its document is built from its rows; its uid."""
        uid = self.service.account_uid(account_id)
        if uid is None:
            raise LookupError(f"There is no account with id {account_id}.")
        if uid not in self.service.shared():
            self.service.share(uid, WRITE, b"")
        self.capture(uid)
        return uid

    def join(self, uid: str, permission: str) -> None:
        """A granted account this laptop does not mirror yet (or a changed permission)."""
        state = self.service.state(uid)
        self.service.share(uid, permission, state or b"")

    def capture(self, uid: str) -> bool:
        """Write the account's rows into its document; True if that changed the document."""
        account_id = self.service.account_id(uid)
        if account_id is None:
            return False  # not received yet: nothing local to send
        doc = load_doc(self.service.state(uid))
        laptop, user = self.service.identity()
        author = Author(laptop, user, datetime.now(UTC).isoformat(timespec="seconds"))
        update = write_rows(doc, account_body(self.service, account_id), author)
        if update is None:
            return False
        self.service.record(uid, doc.get_update(), update)
        return True

    def join_all(self, permissions: dict[str, str]) -> None:
        """``join`` for every account in ``permissions`` (uid -> read / write), at once."""
        self.service.share_all(permissions)

    def receive(self, uid: str, doc: Doc[Any]) -> bool:
        """Bring the rows to the merged document ``doc``; True if rows were written. Values of
        ours that the merge replaced or a repair set aside are kept with it (conflicts.py).
        BundleError (nothing written) if the merged rows fail the bundle checks."""
        done = self.receive_batch({uid: doc})
        if uid in done.refused:
            raise done.refused[uid]
        return uid in done.applied

    def receive_batch(
        self, docs: dict[str, Doc[Any]], acknowledged: dict[str, int] | None = None
    ) -> BatchResult:
        """``receive`` for a batch of exchanged rooms, written in one transaction
        (``TeamSyncService.apply_batch``); ``acknowledged``: the pending update ids the server
        stored, by uid. An account the checks refuse is left out whole (in ``refused``)."""
        acknowledged = acknowledged or {}
        laptop = self.service.identity()[0]
        known = self.service.states(list(docs))
        told = self.service.told_repairs(list(docs))
        shared = self.service.shared()
        batch, tell = [], {}
        for uid, doc in docs.items():
            writable = shared.get(uid) == WRITE
            incoming, tell[uid] = self._incoming(
                uid, doc, acknowledged.get(uid, 0), laptop, *known[uid], told[uid], writable
            )
            batch.append(incoming)
        done = self.service.apply_batch(batch)
        for uid in done.applied:
            log.info("sync: account %s updated from the team", uid)
        for uid, error in done.refused.items():
            log.warning("sync: account %s refused: %s", uid, error)
        for uid in docs:  # a refused account is received again: its repairs told then
            if uid not in done.refused:
                self.notices += tell[uid]
        return done

    def _incoming(
        self,
        uid: str,
        doc: Doc[Any],
        acknowledged: int,
        laptop: str,
        stored: bytes | None,
        account_id: int | None,
        told: set[str],
        writable: bool,
    ) -> tuple[Incoming, list[Notice]]:
        """What the merged ``doc`` asks of the file: its state, its rows if they differ from
        the account's rows (``account_id``) and the repairs now told; and those repairs, for
        the rep. ``stored``: the state before the exchange; ``told``: the repairs told
        before. A repair made here is recorded in ``doc`` (a write grant's only: the server
        refuses a reader's changes), and reaches the server with the repaired rows."""
        before = load_doc(stored)
        first = not len(before.get(ROOT, type=Map))  # nothing here before: edits are not ours
        lost = lost_values(before, doc, laptop)
        body = read_rows(doc)
        made: list[Notice] = []
        if body is not None:
            body, made = repair(body)
            for notice in made:
                log.warning("sync: account %s: %s", uid, notice.text)
            if made and writable:
                record(doc, made)
        tell, silent = untold(made, recorded(doc), told, first)
        lost += from_notices(list(tell.values()), doc)
        kept = [entry.as_row() for entry in lost]
        current = account_body(self.service, account_id) if account_id is not None else None
        if body == current:
            body = None
        state = doc.get_update()
        incoming = Incoming(uid, state, body, kept, acknowledged, sorted(tell.keys() | silent))
        return incoming, list(tell.values())
