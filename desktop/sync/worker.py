"""One sync cycle over every shared account, and the worker thread that repeats it.

``sync_cycle`` logs in with the stored refresh token, takes on accounts newly granted to this
user, and for each shared account: captures local edits (write grants only), exchanges the
document with its room, marks the pending updates acknowledged, and writes the merged rows.
Rooms are exchanged a batch at a time over concurrent connections (``client.exchange_all``).

``SyncWorker`` runs cycles on its own thread (never the window's), waits ``interval`` seconds
between good cycles and backs off (doubling up to ``max_backoff``) after failures, and reports
its state: synced / N changes waiting / offline / needs attention. The state is also written to
``team-status.json`` in the data folder for ``callbrief team status``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import anyio
import httpx
from pycrdt import Doc

from desktop import paths
from desktop.services.bundle_import import BundleError
from desktop.services.team_sync import TeamSyncService

from .client import AuthRefused, TeamConfig, TeamError, access_token, exchange_all, granted
from .engine import WRITE, SyncEngine, load_doc
from .invariants import Notice

log = logging.getLogger(__name__)
STATUS_NAME = paths.TEAM_STATUS
BATCH = 50  # rooms exchanged (concurrently) before their rows are written


class SyncState(StrEnum):
    SYNCED = "synced"
    WAITING = "waiting"  # N local changes not acknowledged yet
    OFFLINE = "offline"
    ATTENTION = "needs attention"


@dataclass
class SyncStatus:
    state: SyncState
    pending: int = 0
    message: str = ""  # the error's own words (English), for the log and support
    at: str = ""
    reason: str = ""  # what went wrong, for the window to say in the rep's language (REASONS)

    def save(self, folder: Path) -> None:
        (folder / STATUS_NAME).write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> SyncStatus | None:
        try:
            data = json.loads((folder / STATUS_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        state = SyncState(data["state"])
        return cls(state, data["pending"], data["message"], data["at"], data.get("reason", ""))


#: ``SyncStatus.reason``: the kinds of failure the rep is told about in words of their own.
REASONS = ("login", "not_joined", "refused", "unreachable", "error")


@dataclass
class CycleReport:
    accounts: int = 0
    received: int = 0  # accounts whose rows another laptop's changes updated
    sent: int = 0  # accounts with local changes the server acknowledged
    notices: list[Notice] = field(default_factory=list)  # merges repaired (invariants.py)


def sync_cycle(service: TeamSyncService, folder: Path, token: str | None = None) -> CycleReport:
    """One cycle over every shared account. An account whose merged rows the checks refuse is
    left as it was and the others are synced; the cycle then raises BundleError naming it.
    ``token``: an access token this round already holds (one refresh a round), else a new one."""
    config = TeamConfig.load(folder)
    token = token or access_token(config, folder)
    if service.identity()[1] != config.user:
        service.set_user(config.user)
    engine = SyncEngine(service)
    shared = service.shared()
    joined = {uid: p for uid, p in granted(config, token).items() if shared.get(uid) != p}
    if joined:
        engine.join_all(joined)
    report = CycleReport()
    rooms = list(service.shared().items())
    batches = [rooms[start : start + BATCH] for start in range(0, len(rooms), BATCH)]
    refused: list[BundleError] = []
    # A batch of rooms is exchanged over concurrent connections, then written in one
    # transaction: a failure loses at most one batch's work, and a big team's documents are
    # not all in memory at once. The next batch's exchange runs on a thread of its own while
    # this one is written, so the server's work overlaps ours.
    with ThreadPoolExecutor(1, thread_name_prefix="callbrief-exchange") as network:

        def start(batch: list[tuple[str, str]]) -> _Exchange:
            uids = [uid for uid, _ in batch]
            writable = [uid for uid, permission in batch if permission == WRITE]
            received = service.states(writable)
            for uid in writable:
                if received[uid][1] is not None:  # not received yet: nothing local to send
                    engine.capture(uid)
            sent = service.last_pending_ids(writable)
            known = service.states(uids)
            docs = {uid: load_doc(known[uid][0]) for uid in uids}
            return _Exchange(docs, sent, network.submit(_exchange_batch, config, token, docs))

        running = start(batches[0]) if batches else None
        for following in [*batches[1:], None][: len(batches)]:
            assert running is not None  # one started per batch
            running.done.result()  # the exchange's own error, if it failed
            current, running = running, start(following) if following is not None else None
            done = engine.receive_batch(current.docs, {u: n for u, n in current.sent.items() if n})
            report.sent += sum(1 for n in current.sent.values() if n)
            report.received += len(done.applied)
            report.accounts += len(current.docs)
            refused += done.refused.values()
    report.notices = engine.notices
    if refused:
        if len(refused) == 1:
            raise refused[0]
        problems = [p for error in refused for p in error.problems]
        raise BundleError(problems, f"The team's version of {len(refused)} accounts")
    return report


def _exchange_batch(config: TeamConfig, token: str, docs: dict[str, Doc[Any]]) -> None:
    anyio.run(exchange_all, config, token, docs)


@dataclass
class _Exchange:
    docs: dict[str, Doc[Any]]
    sent: dict[str, int]  # the last pending update id sent, by uid (write grants)
    done: Future[None]


def status_after(service: TeamSyncService, error: BaseException | None) -> SyncStatus:
    """The state to show after a cycle that ended with ``error`` (None: it worked)."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    pending = service.pending()
    if error is None:
        state = SyncState.WAITING if pending else SyncState.SYNCED
        return SyncStatus(state, pending, "", at)
    if isinstance(error, AuthRefused):
        return SyncStatus(SyncState.ATTENTION, pending, str(error), at, "login")
    if isinstance(error, BundleError):
        return SyncStatus(SyncState.ATTENTION, pending, str(error), at, "refused")
    if isinstance(error, TeamError) and "has not joined" in str(error):
        return SyncStatus(SyncState.ATTENTION, pending, str(error), at, "not_joined")
    reason = "unreachable" if isinstance(error, EXPECTED) else "error"
    return SyncStatus(SyncState.OFFLINE, pending, str(error), at, reason)


#: Errors that mean "try again later" or "tell the rep": anything else is a bug and is logged.
EXPECTED = (
    TeamError,
    BundleError,
    OSError,
    httpx.HTTPError,
    TimeoutError,
    anyio.BrokenResourceError,
)


class SyncWorker(threading.Thread):
    """Repeats ``cycle`` until ``stop()``; ``on_status`` hears every state."""

    def __init__(
        self,
        cycle: Callable[[], object],
        status: Callable[[BaseException | None], SyncStatus],
        on_status: Callable[[SyncStatus], None],
        *,
        interval: float = 30.0,
        first_backoff: float = 1.0,
        max_backoff: float = 300.0,
    ) -> None:
        super().__init__(name="callbrief-sync", daemon=True)
        self._cycle, self._status, self._on_status = cycle, status, on_status
        self.interval, self.first_backoff, self.max_backoff = interval, first_backoff, max_backoff
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self.delays: list[float] = []  # every wait chosen, for the rep's log and the tests

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def wake(self) -> None:
        """Sync now (a local change was saved, the network came back)."""
        self._wake.set()

    def run(self) -> None:
        backoff = self.first_backoff
        while not self._stopping.is_set():
            error: BaseException | None = None
            try:
                self._cycle()
            except EXPECTED as caught:
                error = caught
            except Exception as caught:  # a bug: keep going, say so, keep the details
                log.exception("sync cycle failed")
                error = caught
            status = self._status(error)
            self._on_status(status)
            if error is None:
                delay, backoff = self.interval, self.first_backoff
            else:
                delay, backoff = backoff, min(backoff * 2, self.max_backoff)
            self.delays.append(delay)
            self._wake.wait(delay)
            self._wake.clear()
