"""Step 1, Prepare: when and where, goals, research, logistics and who attends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.playbook import Entry
from desktop.domain.validation import ValidationError
from desktop.ui.context import UiContext
from desktop.ui.formats import datetime_example
from desktop.ui.msgbox import prompter
from desktop.ui.undo import ActionCommand

from .common import PlanData, add_field, form_layout, heading, line_edit, muted, text_edit
from .item_table import ItemField, ItemTable, ItemTexts, recreate, snapshot
from .step_page import StepPage

COL_NAME, COL_TITLE, COL_ROLES, COL_ATTITUDE, COL_STYLE = range(5)


def role_summary(ctx: UiContext, role: Any | None) -> str:
    """A contact's roles in this deal, in the playbook's words."""
    if role is None:
        return ""
    sep = "、" if ctx.lang.startswith("zh") else ", "
    return sep.join(ctx.services.playbook.label("roles", r, ctx.lang) for r in role.roles or [])


class PreparePage(StepPage):
    step = "prepare"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        b = self.binder

        self.body.addWidget(heading(self.tr("When and where"), 1))
        form = form_layout()
        self.starts_at = line_edit(self.tr("e.g. %1").replace("%1", datetime_example()))
        add_field(form, b, "starts_at", self.tr("Date and time"), self.starts_at)
        self.duration = line_edit(self.tr("minutes"))
        add_field(form, b, "duration_min", self.tr("Duration (minutes)"), self.duration)
        self.place = line_edit()
        add_field(form, b, "place", self.tr("Place"), self.place)
        self.title = line_edit(self.tr("A short name for this visit"))
        add_field(form, b, "title", self.tr("Title"), self.title)
        self.logistics = text_edit(self.tr("Who, what, where, when: travel, room, equipment"))
        add_field(form, b, "logistics", self.tr("Logistics"), self.logistics)
        self.body.addLayout(form)

        self.body.addWidget(heading(self.tr("Goals"), 1))
        form = form_layout()
        self.objective = text_edit()
        add_field(form, b, "objective", self.tr("Objective"), self.objective)
        self.best = text_edit(self.tr("The most you will ask for"))
        add_field(form, b, "best_commitment", self.tr("Best commitment"), self.best)
        self.minimum = text_edit(self.tr("The least you will leave with"))
        add_field(form, b, "min_commitment", self.tr("Minimum acceptable commitment"), self.minimum)
        self.info_needed = text_edit()
        add_field(form, b, "info_needed", self.tr("Information needed"), self.info_needed)
        self.body.addLayout(form)
        # Issue 16 item 10: the deal's open referral asks ("1+2"), offered to the objective.
        self.referral_offer = QPushButton()
        self.referral_offer.clicked.connect(self.add_referral_asks)
        self.referral_offer.hide()
        self.body.addWidget(self.referral_offer, 0, Qt.AlignmentFlag.AlignLeft)

        self.body.addWidget(heading(self.tr("Research"), 1))
        form = form_layout()
        self.research = text_edit(
            self.tr("Their business and industry, our relationship, our relevant solutions"), 110
        )
        add_field(form, b, "research_notes", self.tr("Research notes"), self.research)
        self.body.addLayout(form)

        self.body.addWidget(heading(self.tr("Who attends"), 1))
        self.body.addWidget(
            muted(self.tr("Tick the customer's people who will be in the meeting."))
        )
        self.circle = QTableWidget(0, 5)
        self.circle.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.circle.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Title", "job title"),
                self.tr("Role in this deal"),
                self.tr("Attitude"),
                self.tr("Communication style"),
            ]
        )
        self.circle.verticalHeader().setVisible(False)
        self.circle.setAccessibleName(self.tr("Who attends"))
        self.circle.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.circle.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.circle.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.circle.horizontalHeader().setStretchLastSection(True)
        self.body.addWidget(self.circle)
        self.attendee_boxes: dict[int, QCheckBox] = {}

        self.body.addWidget(heading(self.tr("Our team"), 0))
        self.team = ItemTable(
            ctx,
            undo_stack,
            visit_id,
            "attendee",
            [
                ItemField("name", self.tr("Name")),
                ItemField("meeting_role", self.tr("Role in the meeting")),
            ],
            ItemTexts(
                add=self.tr("Add a team member"),
                edit=self.tr("Edit a team member"),
                delete=self.tr("Remove a team member"),
                move=self.tr("Move a team member"),
                new_hint=self.tr("Type the name of the colleague who comes with you."),
                title=self.tr("Our team"),
            ),
            row_filter=lambda a: a.contact_id is None,
            vertical=True,
        )
        self.team.setMinimumHeight(300)
        self.tables.append(self.team)
        self.body.addWidget(self.team)
        self.body.addStretch(1)

    def refresh(self, data: PlanData) -> None:
        self._show_circle(data)
        self.team.set_items(list(data.visit.attendees))
        self._offer_referrals(data)

    def _referral_lines(self, data: PlanData) -> list[str]:
        """One objective line per open referral ask of this deal not yet in the objective."""
        slots = self.ctx.services.referrals.slots(data.visit.opportunity_id)
        lines = [
            self.tr("Ask for the referral: {who}").format(who=row.ask_text())
            for row in slots.open_asks
        ]
        return [line for line in lines if line not in self.objective.toPlainText()]

    def _offer_referrals(self, data: PlanData) -> None:
        lines = self._referral_lines(data)
        self.referral_offer.setVisible(bool(lines))
        text = self.tr("Add to the objective: %n open referral ask(s)", "", len(lines))
        self.referral_offer.setText(text)
        self.referral_offer.setAccessibleName(text)
        self.referral_offer.setToolTip("\n".join(lines))

    def add_referral_asks(self) -> None:
        """Append the open asks to the objective as the rep would type them (saved, undoable)."""
        if self.data is None:
            return
        lines = self._referral_lines(self.data)
        if not lines:
            return
        current = self.objective.toPlainText().rstrip()
        cursor = self.objective.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(("\n" if current else "") + "\n".join(lines))
        self.binder.flush()
        self.referral_offer.hide()

    def _show_circle(self, data: PlanData) -> None:
        ctx, pb = self.ctx, self.ctx.services.playbook
        attending = {a.contact_id: a for a in data.visit.attendees if a.contact_id is not None}
        # Contacts with a part in this deal first, then the rest of the account.
        people = sorted(data.contacts, key=lambda c: (c.id not in data.roles, c.id))
        if [c.id for c in people] != list(self.attendee_boxes):
            # New people: new checkboxes. Otherwise keep them (one may be mid-click).
            self.circle.setRowCount(len(people))
            self.attendee_boxes = {}
            for row, contact in enumerate(people):
                box = QCheckBox()
                box.clicked.connect(lambda on, cid=contact.id: self._toggle_attendee(cid, on))
                self.circle.setCellWidget(row, COL_NAME, box)
                self.attendee_boxes[contact.id] = box
            self._tab_through_boxes()
        for row, contact in enumerate(people):
            role = data.roles.get(contact.id)
            box = self.attendee_boxes[contact.id]
            box.setText(contact.name)
            box.setChecked(contact.id in attending)
            attitude = pb.label("attitudes", role.attitude, ctx.lang) if role else ""
            style = pb.get("communication_styles", contact.communication_style)
            cells = {
                COL_TITLE: contact.title,
                COL_ROLES: role_summary(ctx, role),
                COL_ATTITUDE: attitude,
                COL_STYLE: style.text(ctx.lang) if style else "",
            }
            for col, text in cells.items():
                item = QTableWidgetItem(text)
                if col == COL_STYLE and style is not None:
                    item.setToolTip(style.extra_text("pitch_tip", ctx.lang) or "")
                self.circle.setItem(row, col, item)
        self.circle.resizeColumnsToContents()
        # Show the whole circle without an inner scroll bar (up to a dozen people).
        rows = min(len(people), 12)
        height = self.circle.horizontalHeader().height() + 4
        height += sum(self.circle.rowHeight(r) for r in range(rows))
        self.circle.setFixedHeight(max(height, 120))

    def _tab_through_boxes(self) -> None:
        """Tab goes from the table through its new ticks, then on to what follows the table
        (new widgets join the end of Qt's focus chain, so Tab left the page after them)."""
        after = self.circle.nextInFocusChain()
        while (
            after is not None
            and after is not self.circle
            and (
                self.circle.isAncestorOf(after) or not after.focusPolicy() & Qt.FocusPolicy.TabFocus
            )
        ):
            after = after.nextInFocusChain()
        order = [self.circle, *self.attendee_boxes.values()]
        if after is not None and after is not self.circle:
            order.append(after)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _toggle_attendee(self, contact_id: int, on: bool) -> None:
        if self.data is None:
            return
        services, visit_id = self.ctx.services, self.visit_id
        try:
            if on:
                item = services.visits.add_item(visit_id, "attendee", contact_id=contact_id)
                self._push_attendee(item.id, added=True)
            else:
                attendee = next(a for a in self.data.visit.attendees if a.contact_id == contact_id)
                self._push_attendee(attendee.id, added=False)
        except ValidationError as exc:
            prompter.error(self, self.tr("Attendees"), exc.text(self.ctx.lang))
            self.refresh(self.data)

    def _push_attendee(self, attendee_id: int, added: bool) -> None:
        services, visit_id, book = self.ctx.services, self.visit_id, self.team._book
        ref = book.ref(attendee_id)
        kept: dict[str, Any] = {}

        def remove() -> None:
            kept["values"], kept["index"] = snapshot(services, visit_id, "attendee", ref.id)
            services.visits.delete_item("attendee", ref.id)

        def restore() -> None:
            recreate(services, visit_id, "attendee", kept["values"], kept["index"], book, ref)

        if added:
            command = ActionCommand(self.tr("Add an attendee"), restore, remove)
        else:
            remove()
            command = ActionCommand(self.tr("Remove an attendee"), remove, restore)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
