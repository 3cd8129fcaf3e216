"""The sync worker: runs on its own thread, backs off while offline, says what state it is in."""

from __future__ import annotations

import threading

from laptops import open_laptop, small_account

from desktop.sync.client import AuthRefused, TeamError
from desktop.sync.worker import SyncState, SyncStatus, SyncWorker, status_after


def test_offline_backs_off_doubling_then_synced_resets(tmp_path):
    laptop = open_laptop(tmp_path / "a")
    outcomes = [TeamError("unreachable")] * 3 + [None, AuthRefused("refused")]
    seen: list[SyncStatus] = []
    threads: set[str] = set()
    done = threading.Event()

    def cycle():
        threads.add(threading.current_thread().name)
        outcome = outcomes.pop(0)
        if not outcomes:
            worker.stop()  # the last scripted cycle: no further round may start after it
        if outcome is not None:
            raise outcome

    def on_status(status):
        seen.append(status)
        if not outcomes:
            done.set()

    worker: SyncWorker
    worker = SyncWorker(
        cycle,
        lambda error: status_after(laptop.team_sync, error),
        on_status,
        interval=0.001,
        first_backoff=0.001,
        max_backoff=0.003,
    )
    worker.start()
    assert done.wait(30)
    worker.stop()
    worker.join(30)
    assert threads == {"callbrief-sync"}  # never the caller's (the window's) thread
    assert [s.state for s in seen] == [
        SyncState.OFFLINE,
        SyncState.OFFLINE,
        SyncState.OFFLINE,
        SyncState.SYNCED,
        SyncState.ATTENTION,
    ]
    assert worker.delays[:4] == [0.001, 0.002, 0.003, 0.001]  # doubled, capped, reset
    laptop.close()


def test_local_changes_not_sent_are_counted_as_waiting(tmp_path):
    from desktop.sync.engine import SyncEngine

    laptop = open_laptop(tmp_path / "a")
    account_id, people = small_account(laptop)
    engine = SyncEngine(laptop.team_sync)
    engine.start_sharing(account_id)
    engine.attach()
    laptop.contacts.update(people["cio"], title="CTO")
    status = status_after(laptop.team_sync, None)
    assert (status.state, status.pending) == (SyncState.WAITING, 2)
    laptop.close()
