"""The window's local edits, written into their shared documents on the sync worker's thread.

A rep's save in a shared account must count as "waiting" at once, online or not: the window's
sync state says "offline · 1 change waiting" and ``callbrief team status`` the same. The save's
change notice arrives on the window's thread; writing the account into its document there
would make every save wait for Yrs, so the account is only noted here, and the worker writes
the noted accounts into their documents (``SyncEngine.capture``) at the start of its round,
before it asks the server for anything: a round that then finds the server unreachable has
already counted them.
"""

from __future__ import annotations

import threading

from desktop.services.events import Change, Origin
from desktop.services.team_sync import TeamSyncService

from .engine import WRITE, SyncEngine


class LocalEdits:
    """Accounts changed on this laptop since the worker last wrote them into their documents."""

    def __init__(self, service: TeamSyncService) -> None:
        self.service = service
        self._lock = threading.Lock()  # noted on the window's thread, taken on the worker's
        self._accounts: set[int] = set()

    def note(self, change: Change) -> bool:
        """Remember the account of a committed change made here; True if it is one to send."""
        if change.initiator is Origin.SYNC or change.account_id is None:
            return False
        if not change.touches_rows or (change.deleted and change.kind == "account"):
            return False
        with self._lock:
            self._accounts.add(change.account_id)
        return True

    def capture(self) -> int:
        """Write every noted account this laptop may edit into its document; how many changed."""
        with self._lock:
            accounts, self._accounts = self._accounts, set()
        if not accounts:
            return 0
        engine, shared, changed = SyncEngine(self.service), self.service.shared(), 0
        for account_id in sorted(accounts):
            uid = self.service.account_uid(account_id)
            if uid is not None and shared.get(uid) == WRITE:
                changed += engine.capture(uid)
        return changed
