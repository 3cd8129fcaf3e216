"""The team sync state in the status bar: synced / N changes waiting / offline / needs attention.

When this laptop has joined a team (``team.json`` in the data folder), the window starts a
``SyncWorker`` (desktop/sync/worker.py): every cycle runs on the worker's own thread. The
worker's report reaches the window only through ``reported``, a signal connected with
``Qt.QueuedConnection``: the label is changed on the window's thread, and the window never
waits for the network. A local edit (any change not made by sync) wakes the worker, which
writes it into its document before anything else (desktop/sync/local_edits.py), so it counts
as waiting even offline, and sends it. The state is a button: clicking it (or Space when
focused) opens the "changed by someone else" list, whose count it also shows.

Each round first lets go of the accounts whose grant the team took back (the room is then
closed with 4403), as ``callbrief sync`` does (desktop/sync/leaving.py: backed up, then
removed; kept as a local account if it holds unsent edits). The removal announces a deleted
account, so its open screens close; the rep is told in the status bar and the state's tip.
Repairs a merge needed (a reporting loop cut, two buying roles folded: desktop/sync/invariants)
are told the same way, in the rep's language. So is a new playbook from the team server
(desktop/sync/team_playbook.py): kept for the next start, since the open window keeps the
playbook it started with; or refused, the previous one kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QToolButton, QWidget

from desktop import paths
from desktop.services.events import Change

from .context import UiContext

if TYPE_CHECKING:
    from desktop.sync.invariants import Notice
    from desktop.sync.leaving import Removal
    from desktop.sync.local_edits import LocalEdits
    from desktop.sync.worker import SyncStatus, SyncWorker

# From paths (not desktop/sync/client.py) so that a laptop that never joined a team does not
# import the sync stack (httpx, pycrdt) at start-up.
TEAM_CONFIG = paths.TEAM_CONFIG


class SyncIndicator(QObject):
    reported = Signal(object)  # a SyncStatus, emitted on the worker's thread
    removed = Signal(object)  # a Removal (accounts whose grant was lost), from the worker
    repaired = Signal(object)  # list[Notice]: repairs of the last merge, from the worker
    playbook_fetched = Signal(str)  # "updated" / "refused" (team_playbook.Fetched), from the worker

    def __init__(self, ctx: UiContext, on_click: Callable[[], object], parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.button = QToolButton(parent)
        self.button.setObjectName("syncState")
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.clicked.connect(lambda _c=False: on_click())
        self.button.hide()
        self.worker: SyncWorker | None = None
        self._edits: LocalEdits | None = None  # set by start(): the sync stack loads lazily
        self.status: SyncStatus | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.removed.connect(self._tell_removed, Qt.ConnectionType.QueuedConnection)
        self.removal: Removal | None = None  # the last lost grants, told in the tip too
        self.repaired.connect(self._tell_repaired, Qt.ConnectionType.QueuedConnection)
        self.repairs: list[Notice] = []  # the last merge's repairs, told in the tip too
        self.playbook_fetched.connect(self._tell_playbook, Qt.ConnectionType.QueuedConnection)
        self.playbook_news = ""  # the team's playbook this session: "updated" / "refused"
        # A value restored or dismissed in the list: its count here follows.
        # A bound slot: the connection goes with this widget, the hub outlives it.
        ctx.hub.changed.connect(self._on_change)
        self.retranslate()

    def _on_change(self, _change: object) -> None:
        if self.status:
            self.retranslate()

    @property
    def folder(self) -> Path:
        return Path(self._ctx.services.files.folder)

    def joined(self) -> bool:
        return (self.folder / TEAM_CONFIG).exists()

    def start(self, cycle: Callable[[], object] | None = None, **timing: float) -> None:
        """Start syncing on a worker thread (``cycle``: one round; the real one by default)."""
        from desktop.sync.local_edits import LocalEdits
        from desktop.sync.worker import CycleReport, SyncWorker, status_after

        services = self._ctx.services
        one_round = cycle or self._round
        self._edits = edits = LocalEdits(services.team_sync)

        def told() -> object:
            # The rep's saves count as waiting before the server is asked anything, so a
            # round that finds it unreachable says "offline · N changes waiting".
            edits.capture()
            report = one_round()
            if isinstance(report, CycleReport) and report.notices:
                self.repaired.emit(list(report.notices))  # queued to _tell_repaired
            return report

        self.worker = SyncWorker(
            told,
            lambda error: status_after(services.team_sync, error),
            self.reported.emit,  # on the worker thread: queued to _show
            **timing,
        )
        services.notifier.subscribe(self._local_change)
        self.button.show()
        self.worker.start()

    def stop(self) -> None:
        """At exit: the worker stops after its current round (a daemon thread: never waited)."""
        if self.worker is not None:
            self.worker.stop()
            self._ctx.services.notifier.unsubscribe(self._local_change)

    def _local_change(self, change: Change) -> None:
        if self.worker is not None and self._edits is not None and self._edits.note(change):
            self.worker.wake()

    def _round(self) -> object:
        """One round on the worker thread: lost grants leave first, then the sync itself."""
        from desktop.sync.client import GrantLost, TeamConfig, access_token
        from desktop.sync.leaving import drop_lost
        from desktop.sync.team_playbook import Fetched, fetch_playbook
        from desktop.sync.worker import sync_cycle

        services, folder = self._ctx.services, self.folder
        # One refresh a round: each one is a write on the server (a spent token, a new pair).
        config = TeamConfig.load(folder)
        token = access_token(config, folder)
        fetched = fetch_playbook(config, token, folder)  # skipped, never failing, when offline
        if fetched in (Fetched.UPDATED, Fetched.REFUSED):
            self.playbook_fetched.emit(fetched.value)  # queued to _tell_playbook
        for attempt in (1, 2):
            removal = drop_lost(services, folder, token)
            if removal.removed or removal.kept:
                self.removed.emit(removal)  # queued to _tell_removed on the window's thread
            try:
                return sync_cycle(services.team_sync, folder, token)
            except GrantLost:
                if attempt == 2:  # taken back again at once: the next round will see
                    raise
        raise AssertionError("unreachable")

    @Slot(object)
    def _tell_removed(self, removal: Removal) -> None:
        self.removal = removal
        window = self.parent()
        if isinstance(window, QMainWindow):  # stays until the next message
            window.statusBar().showMessage(" ".join(self.left_lines()))
        self.retranslate()

    @Slot(object)
    def _tell_repaired(self, notices: list[Notice]) -> None:
        self.repairs = notices
        window = self.parent()
        if isinstance(window, QMainWindow):  # stays until the next message
            window.statusBar().showMessage(" ".join(self.repair_lines()))
        self.retranslate()

    @Slot(str)
    def _tell_playbook(self, news: str) -> None:
        self.playbook_news = news
        window = self.parent()
        if isinstance(window, QMainWindow):  # stays until the next message
            window.statusBar().showMessage(" ".join(self.playbook_lines()))
        self.retranslate()

    def playbook_lines(self) -> list[str]:
        """The team's playbook this session, in the current language: the window keeps the
        playbook it started with (desktop/sync/team_playbook.py)."""
        if self.playbook_news == "updated":
            return [self.tr("The team's playbook was updated; restart Callbrief to use it.")]
        if self.playbook_news == "refused":
            return [
                self.tr(
                    "The team's new playbook could not be used; the previous one is kept"
                    " (details: callbrief team status)."
                )
            ]
        return []

    def repair_lines(self) -> list[str]:
        """The last merge's repairs, in the current language (the notice's own text is English)."""
        from desktop.sync.invariants import CYCLE

        lines = []
        for notice in self.repairs:
            if notice.rule == CYCLE:
                template = self.tr(
                    "Two edits made the reporting lines loop (%1); %2 no longer reports to %3."
                )
            elif notice.field:
                template = self.tr("%1's %2 “%3” was set aside.")
                texts = {"notes": self.tr("notes"), "coach_next": self.tr("bring or ask next time")}
                who, field, words = notice.names
                lines.append(_fill(template, (who, texts.get(field, field), words)))
                continue
            else:
                template = self.tr(
                    "%1 was added to the deal “%2” on two laptops; the two buying-role entries"
                    " were merged into one."
                )
            lines.append(_fill(template, notice.names) if notice.names else notice.text)
        return lines

    def left_lines(self) -> list[str]:
        """What the rep is told about the accounts that left (in the current language)."""
        removal, lines = self.removal, list[str]()
        if removal is None:
            return lines
        if removal.removed:
            lines.append(
                self.tr(
                    "%n shared account(s) removed from this laptop: the team no longer shares"
                    " them with you. A backup is at %1.",
                    "",
                    len(removal.removed),
                ).replace("%1", str(removal.backup))
            )
        if removal.kept:
            lines.append(
                self.tr(
                    "%n account(s) no longer shared with you hold changes that were never sent:"
                    " kept here as local accounts, no longer synced.",
                    "",
                    len(removal.kept),
                )
            )
        return lines

    @Slot(object)
    def _show(self, status: SyncStatus) -> None:
        self.status = status
        status.save(self.folder)  # what `callbrief team status` reads
        self.retranslate()

    def _why(self, reason: str) -> str:
        """What went wrong, in the rep's language (desktop/sync/worker.py ``REASONS``)."""
        return {
            "login": self.tr(
                "The team server refused this laptop's login: join the team again"
                " (callbrief team join)."
            ),
            "not_joined": self.tr("This laptop has not joined a team."),
            "refused": self.tr("A change from the team could not be applied here."),
            "unreachable": self.tr(
                "The team server cannot be reached. Your changes are kept here and sent when"
                " it can be."
            ),
            "error": self.tr("Syncing failed; it is tried again shortly."),
        }.get(reason, "")

    def _team(self, state: str) -> str:
        # One string with its place holder: Chinese writes "团队：已同步", no space after the
        # full-width colon, which gluing "Team:" + " " + state could not express.
        return self.tr("Team: %1").replace("%1", state)

    def retranslate(self) -> None:
        self.button.setAccessibleName(self.tr("Team sync state"))
        status = self.status
        if status is None:
            self.button.setText(self._team(self.tr("connecting…")))
            lines = self.left_lines() + self.repair_lines() + self.playbook_lines()
            self.button.setToolTip("\n".join(lines))
            return
        from desktop.sync.worker import SyncState

        parts = []
        if status.state is SyncState.SYNCED:
            parts.append(self.tr("synced"))
        elif status.state is SyncState.OFFLINE:
            parts.append(self.tr("offline"))
        elif status.state is SyncState.ATTENTION:
            parts.append(self.tr("needs attention"))
        if status.pending:
            one, many = self.tr("1 change waiting"), self.tr("{count} changes waiting")
            parts.append(one if status.pending == 1 else many.format(count=status.pending))
        changed = sum(self._ctx.services.lost_values.counts().values())
        if changed:
            one = self.tr("1 value changed by someone else")
            many = self.tr("{count} values changed by someone else")
            parts.append(one if changed == 1 else many.format(count=changed))
        self.button.setText(self._team(" · ".join(parts)))
        tip = self.tr("Last sync: %1").replace("%1", status.at.replace("T", " "))
        why = self._why(status.reason)
        if why:
            tip += "\n" + why
        if status.message:
            tip += "\n" + status.message  # the details, as the error said them
        for line in self.left_lines() + self.repair_lines() + self.playbook_lines():
            tip += "\n" + line
        self.button.setToolTip(tip)


def _fill(template: str, values: tuple[str, ...]) -> str:
    """``%1``, ``%2``… replaced in one pass (a name that contains "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)
