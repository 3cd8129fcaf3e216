"""The visit plan: a guided flow through Prepare → Open → Consult → Propose → Close.

The step bar shows each step's readiness (✓ or the number of gaps); Objections is reachable from
every step. Every field saves as the rep types and every change is undoable through the window's
undo stack. The view redraws itself when the services announce a change to this visit, keeping
whatever the rep is still typing.

Keyboard: Ctrl+1…Ctrl+5 steps, Ctrl+J objections, Ctrl+PgDown / Ctrl+PgUp next / previous,
F5 visit mode, Ctrl+D debrief, Ctrl+P print, Ctrl+Shift+E export PDF, Alt+Left back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.playbook import VISIT_STEP_KEYS
from desktop.domain.readiness import STEPS as READINESS_STEPS
from desktop.domain.validation import ValidationError
from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext
from desktop.ui.exports import day_text, file_stem
from desktop.ui.formats import show_datetime
from desktop.ui.widgets.a11y import name_inner_buttons, tab_to_toolbar

from .brief_actions import BriefActions
from .close_page import ClosePage
from .common import PlanData, combo, heading, load_plan, muted, playbook_choices, visit_binder
from .consult_page import ConsultPage
from .debrief import DebriefDialog
from .objections_page import ObjectionsPage
from .open_page import OpenPage
from .prepare_page import PreparePage
from .propose_page import ProposePage
from .step_page import StepPage
from .visit_mode import VisitModeWindow

STEPS = VISIT_STEP_KEYS
PAGES = (PreparePage, OpenPage, ConsultPage, ProposePage, ClosePage)
ORDER = READINESS_STEPS  # the five steps, then objections
STEP_BAR_STYLE = """
QToolButton { padding: 6px 12px; border: 1px solid #c4c7c5; border-radius: 4px; }
QToolButton:checked { background: #1a73e8; color: white; border-color: #1a73e8; }
QToolButton:focus { border: 2px solid #0b3d91; }
"""


class VisitPlanView(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        ctx: UiContext,
        visit_id: int,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.undo_stack = undo_stack
        self.data: PlanData | None = None
        self.visit_mode: VisitModeWindow | None = None
        self.debrief: DebriefDialog | None = None
        self._gone = False
        self._stale = False  # a change came while hidden: read again when shown
        pb, lang = ctx.services.playbook, ctx.lang

        # Header --------------------------------------------------------------------------
        self.back_button = QToolButton()
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.go_back)
        self.title = heading("", 4)
        self.subtitle = muted()
        self.header_binder = visit_binder(
            ctx, undo_stack, visit_id, self._visit, self, self.tr("Change the visit status")
        )
        self.status = combo(playbook_choices(ctx, "visit_statuses"))
        self.header_binder.bind("status", self.status)
        status_label = QLabel(self.tr("Status"))
        status_label.setBuddy(self.status)
        self.readiness = QProgressBar()
        self.readiness.setRange(0, 100)
        self.readiness.setFormat(self.tr("Ready %p%"))
        self.readiness.setFixedWidth(160)
        self.readiness.setAccessibleName(self.tr("Readiness"))
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(titles, 1)
        header.addWidget(status_label)
        header.addWidget(self.status)
        header.addSpacing(12)
        header.addWidget(self.readiness)

        # Toolbar -------------------------------------------------------------------------
        self.brief = BriefActions(ctx, visit_id, self, self.flush, self._file_name)
        self.visit_mode_action = QAction(self.tr("Visit mode"), self)
        self.visit_mode_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.visit_mode_action.setToolTip(self.tr("Full-screen view for the meeting (F5)"))
        self.visit_mode_action.triggered.connect(self.open_visit_mode)
        self.debrief_action = QAction(self.tr("Debrief…"), self)
        self.debrief_action.setShortcut(QKeySequence("Ctrl+D"))
        self.debrief_action.setToolTip(self.tr("Write the call report after the visit (Ctrl+D)"))
        self.debrief_action.triggered.connect(self.open_debrief)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.visit_mode_action, self.debrief_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in self.brief.actions():
            self.toolbar.addAction(action)
        tab_to_toolbar(self.toolbar)
        name_inner_buttons(self.toolbar, self.tr("More tools"))
        for action in (self.visit_mode_action, self.debrief_action, *self.brief.actions()):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # an indeterminate "working" bar
        self.busy.setAccessibleName(self.tr("Working…"))
        self.busy.setFixedWidth(120)
        self.busy.setVisible(False)
        self.message = muted()
        self.brief.busy_changed.connect(self.busy.setVisible)
        self.brief.message.connect(self.message.setText)
        tools = QHBoxLayout()
        tools.addWidget(self.toolbar)
        tools.addWidget(self.busy)
        tools.addWidget(self.message, 1)

        # Step bar and pages --------------------------------------------------------------
        self.step_buttons: dict[str, QToolButton] = {}
        self.step_group = QButtonGroup(self)
        self.step_group.setExclusive(True)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.stack = QStackedWidget()
        self.pages: dict[str, StepPage] = {}
        for number, (key, page_class) in enumerate(zip(STEPS, PAGES, strict=True), start=1):
            entry = pb.entry("visit_steps", key)
            self.pages[key] = page_class(ctx, undo_stack, visit_id, entry)
            button = self._step_button(key, f"Ctrl+{number}")
            bar.addWidget(button)
            if number < len(STEPS):
                arrow = muted("→")
                bar.addWidget(arrow)
        bar.addStretch(1)
        self.pages["objections"] = ObjectionsPage(ctx, undo_stack, visit_id, pb.respond_objections)
        bar.addWidget(self._step_button("objections", "Ctrl+J"))
        for key in ORDER:
            self.stack.addWidget(self.pages[key])
        self.step_labels = {key: pb.label("visit_steps", key, lang) for key in STEPS}
        self.step_labels["objections"] = pb.respond_objections.text(lang)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(tools)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        # Keyboard ------------------------------------------------------------------------
        for number, key in enumerate(STEPS, start=1):
            self._shortcut(f"Ctrl+{number}", lambda k=key: self.show_step(k))
        self._shortcut("Ctrl+J", lambda: self.show_step("objections"))
        self._shortcut("Ctrl+PgDown", lambda: self.step_by(1))
        self._shortcut("Ctrl+PgUp", lambda: self.step_by(-1))
        # Alt+Left on its own; a window that has a Back action for the same key turns it off.
        self.back_shortcut = self._shortcut("Alt+Left", self.go_back)

        ctx.hub.changed.connect(self._changed)
        self.reload()
        self.show_step("prepare")

    def _step_button(self, key: str, keys: str) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setStyleSheet(STEP_BAR_STYLE)
        button.setToolTip(keys)
        button.clicked.connect(lambda _c=False, k=key: self.show_step(k))
        self.step_group.addButton(button)
        self.step_buttons[key] = button
        return button

    def _shortcut(self, keys: str, slot: Any) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # Data -----------------------------------------------------------------------------------

    def _visit(self) -> Any:
        return self.data.visit if self.data is not None else None

    def _changed(self, change: Any) -> None:
        if self._gone:
            return
        if change.kind is ChangeKind.VISIT and change.ids and self.visit_id not in change.ids:
            return
        if change.kind not in (
            ChangeKind.VISIT,
            ChangeKind.OPPORTUNITY,
            ChangeKind.CONTACT,
            ChangeKind.ACCOUNT,
        ):
            return
        if not self.isVisible():
            # Another screen is showing (or a later plan replaced this one): asking to go back
            # now would move the rep off that screen, and reading now may be for nothing.
            self._stale = True
            return
        if change.kind is ChangeKind.VISIT and change.deleted:
            self._gone = True
            self.back_requested.emit()
            return
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale and not self._gone:
            self._stale = False
            self.reload()  # goes back if the visit was deleted meanwhile
        super().showEvent(event)

    def reload(self) -> None:
        try:
            data = load_plan(self.ctx, self.visit_id)
        except ValidationError:  # deleted under us
            self._gone = True
            self.back_requested.emit()
            return
        self.data = data
        visit = data.visit
        opp = visit.opportunity
        self.title.setText(visit.title or opp.name)
        parts = [opp.account.name, opp.name]
        if visit.starts_at is not None:
            when = show_datetime(visit.starts_at)
            parts.append(
                self.tr("{when} ({minutes} min)").format(when=when, minutes=visit.duration_min)
            )
        if visit.place.strip():
            parts.append(visit.place.strip())
        self.subtitle.setText(" · ".join(parts))
        self.header_binder.load(visit)
        self.readiness.setValue(data.readiness.percent)
        for key in ORDER:
            step = data.readiness.step(key)
            mark = "✓" if step.ready else f"({len(step.gaps)})"
            self.step_buttons[key].setText(f"{self.step_labels[key]} {mark}")
        for page in self.pages.values():
            page.load(data)

    def _file_name(self) -> str:
        """What an export of this plan is called: the visit's date, the account, the visit."""
        if self.data is None:
            return "visit"
        visit = self.data.visit
        return file_stem(
            day_text(visit.starts_at),
            visit.opportunity.account.name,
            visit.title or visit.opportunity.name,
        )

    # Navigation -----------------------------------------------------------------------------

    def current_step(self) -> str:
        return ORDER[self.stack.currentIndex()]

    def show_step(self, key: str) -> None:
        if self.stack.currentWidget() is not None and self.current_step() != key:
            self.pages[self.current_step()].flush()
        self.stack.setCurrentWidget(self.pages[key])
        self.step_buttons[key].setChecked(True)

    def step_by(self, delta: int) -> None:
        index = (ORDER.index(self.current_step()) + delta) % len(ORDER)
        self.show_step(ORDER[index])

    def go_back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def renewed(self) -> VisitPlanView | None:
        """A fresh copy of this plan on the same step, built in the interface language of now.

        The plan's texts come from the playbook and ``tr()`` as it is built, so a language
        switch builds it again rather than relabelling each step by hand. Everything typed is
        saved first; None if a field holds a refused value, which rebuilding would lose.
        """
        if not self.flush():
            return None
        view = VisitPlanView(self.ctx, self.visit_id, self.undo_stack, self.parentWidget())
        view.show_step(self.current_step())
        return view

    def flush(self) -> bool:
        """Save what is still being typed; False if a field was refused (it stays marked)."""
        ok = self.header_binder.flush()
        for page in self.pages.values():
            ok = page.flush() and ok
        return ok

    # Visit mode and debrief -----------------------------------------------------------------

    def open_visit_mode(self) -> None:
        self.flush()
        if self.visit_mode is not None:
            self.visit_mode.raise_()
            self.visit_mode.activateWindow()
            return
        window = VisitModeWindow(self.ctx, self.undo_stack, self.visit_id, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._visit_mode_gone)
        self.visit_mode = window
        window.show_mode()

    def _visit_mode_gone(self) -> None:
        self.visit_mode = None
        self.window().activateWindow()  # back to the plan, keyboard and all

    def open_debrief(self) -> None:
        self.flush()
        dialog = DebriefDialog(self.ctx, self.visit_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.setText(self.tr("Call report saved.")))
        dialog.destroyed.connect(self._debrief_gone)
        self.debrief = dialog
        dialog.open()

    def _debrief_gone(self) -> None:
        self.debrief = None
