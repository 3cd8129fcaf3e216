"""The decision-map screen: toolbar, the zoomable org chart and the coverage warnings beside it.

The rep drags boxes (positions saved when the drag ends), drops a box onto another to change
whom they report to (a loop is refused with a message and the box goes back), adds and edits
people in a small dialog, zooms, fits, resets the layout and exports the map as PNG, SVG or PDF.
The widget redraws itself when the services announce a change to its account or opportunity.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError
from desktop.export.map.style import MapLabels
from desktop.services.decision_map import MapData, MapService
from desktop.services.events import Change, ChangeKind
from desktop.ui.context import UiContext
from desktop.ui.exports import confirm_saved, file_stem, suggested_path, with_suffix
from desktop.ui.msgbox import prompter
from desktop.ui.widgets.a11y import name_inner_buttons, tab_to_toolbar

from .dialogs import PersonDialog, PersonValues, manager_choices
from .items import LegendWidget, PersonItem
from .scene import MapScene
from .toolbar import CONTACT_ID_ROLE, export_button, fill_warnings, keyed_action
from .view import DecisionMapView


class DecisionMapWidget(QWidget):
    """The org chart of one opportunity's decision circle, editable in place."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, opportunity_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.maps = MapService(ctx.services)
        self.opportunity_id: int | None = None
        self.account_id: int | None = None
        self.data: MapData | None = None
        self.dialog: PersonDialog | None = None
        self._fit_pending = False

        self.scene = MapScene(self)
        self.view = DecisionMapView(self.scene, self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.scene.positions_dropped.connect(self._save_positions)
        self.scene.reparent_requested.connect(self._reparent)
        self.scene.edit_requested.connect(self.edit_person)
        self.scene.selectionChanged.connect(self._update_actions)

        self.toolbar = QToolBar(self)
        self._build_actions()
        tab_to_toolbar(self.toolbar)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.warnings_title = QLabel()
        self.warnings_title.setStyleSheet("font-weight: bold;")
        self.warnings = QListWidget(self)
        self.warnings.setWordWrap(True)
        self.warnings.itemClicked.connect(self._warning_clicked)
        self.warnings.setIconSize(QSize(16, 16))
        self.legend = LegendWidget(self.labels(), self)
        # Issue 16 item 6: influencers in another company or on our side, beside the map.
        self.outside_title = QLabel()
        self.outside_title.setStyleSheet("font-weight: bold;")
        self.outside = QListWidget(self)
        self.outside.setMaximumHeight(90)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.warnings_title)
        side_layout.addWidget(self.warnings, 1)
        side_layout.addWidget(self.outside_title)
        side_layout.addWidget(self.outside)
        side_layout.addWidget(self.legend)
        side.setMinimumWidth(int(self.legend.width()) + 8)

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.placeholder)
        centre_layout.addWidget(self.view)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(centre)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        ctx.hub.changed.connect(self._on_change)
        self._retranslate()
        self.set_opportunity(opportunity_id)

    # Public ------------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def labels(self) -> MapLabels:
        return MapLabels.build(self.ctx.services.playbook, self.ctx.lang)

    def set_opportunity(self, opportunity_id: int | None) -> None:
        """Show this opportunity's map (None: nothing), fitted to the view."""
        self.opportunity_id = opportunity_id
        self.account_id = None
        self.clear_message()
        self._fit_pending = True
        self.refresh()
        if self.isVisible():
            QTimer.singleShot(0, self, self._fit_if_pending)

    def refresh(self) -> None:
        """Re-read the map and the warnings, keeping zoom, scroll and selection."""
        data: MapData | None = None
        if self.opportunity_id is not None:
            try:
                data = self.maps.load(self.opportunity_id)
            except ValidationError:  # the opportunity was deleted meanwhile
                self.opportunity_id = None
        self.data = data
        self.account_id = data.account_id if data else None
        labels = self.labels()
        self.scene.set_data(data, labels)
        self.legend.set_labels(labels)
        self.view.setVisible(data is not None)
        self.placeholder.setVisible(data is None)
        self._refresh_warnings()
        self._refresh_outside()
        self._update_actions()

    def person_items(self) -> list[PersonItem]:
        return self.scene.person_items()

    def show_message(self, text: str, error: bool = True) -> None:
        colour = "#fdecea" if error else "#e8f5e9"
        ink = "#8a1c1c" if error else "#1b5e20"
        self.message.setStyleSheet(
            f"background: {colour}; color: {ink}; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    # Actions -----------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        action = functools.partial(keyed_action, self)
        zoom_in_keys = (QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++")
        self.zoom_in_action = action(self.view.zoom_in, zoom_in_keys)
        zoom_out_keys = (QKeySequence.StandardKey.ZoomOut, "Ctrl+-")
        self.zoom_out_action = action(self.view.zoom_out, zoom_out_keys)
        self.fit_action = action(self.view.fit, ("Ctrl+0",))
        self.reset_action = action(self.reset_layout)
        self.add_action = action(self.add_person, ("Ctrl+N",))
        self.edit_action = action(self._edit_selected, ("Return", "F2"))
        self.delete_action = action(self.delete_selected, (QKeySequence.StandardKey.Delete,))
        for act in (self.zoom_out_action, self.zoom_in_action, self.fit_action):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for act in (self.add_action, self.reset_action):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.export_button, self.export_actions = export_button(self, self.export_dialog)
        self.toolbar.addWidget(self.export_button)

    def _retranslate(self) -> None:
        """Every visible string, again after the interface language changes."""
        texts = (
            (self.zoom_in_action, self.tr("Zoom in"), self.tr("Zoom in (Ctrl+=)")),
            (self.zoom_out_action, self.tr("Zoom out"), self.tr("Zoom out (Ctrl+-)")),
            (self.fit_action, self.tr("Fit"), self.tr("Show the whole map (Ctrl+0)")),
            (
                self.reset_action,
                self.tr("Reset layout"),
                self.tr("Forget where boxes were dragged and lay the chart out again"),
            ),
            (
                self.add_action,
                self.tr("Add person…"),
                self.tr("Add someone at this account to the chart (Ctrl+N)"),
            ),
            (self.edit_action, self.tr("Edit…"), self.tr("Edit the selected person (F2)")),
            (
                self.delete_action,
                self.tr("Delete…"),
                self.tr("Remove the selected person from the account (asks first)"),
            ),
        )
        for act, text, tip in texts:
            act.setText(text)
            act.setToolTip(tip)
        self.export_actions["png"].setText(self.tr("Image (PNG, print resolution)…"))
        self.export_actions["svg"].setText(self.tr("Drawing (SVG)…"))
        self.export_actions["pdf"].setText(self.tr("PDF…"))
        self.export_button.setText(self.tr("Export"))
        self.view.setAccessibleName(self.tr("Decision map"))
        name_inner_buttons(self.toolbar, self.tr("More tools"))
        self.warnings.setAccessibleName(self.tr("Warnings about the decision circle"))
        self.export_button.setToolTip(self.tr("Save the map as an image or PDF to print or send"))
        self.placeholder.setText(self.tr("Choose an opportunity to see its decision circle."))
        self.warnings_title.setText(self.tr("Coverage of the decision circle"))
        self.outside_title.setText(self.tr("Influencers outside the account"))
        self.outside.setAccessibleName(self.tr("Influencers outside the account"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()
        super().changeEvent(event)

    def _update_actions(self) -> None:
        has_map = self.data is not None
        selected = self.scene.selected_ids() if has_map else []
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            act.setEnabled(has_map)
        self.reset_action.setEnabled(has_map)
        self.add_action.setEnabled(has_map)
        self.export_button.setEnabled(has_map)
        self.edit_action.setEnabled(len(selected) == 1)
        self.delete_action.setEnabled(bool(selected))

    def reset_layout(self) -> None:
        if self.data is None:
            return
        if any(p.pinned for p in self.data.people) and not prompter.confirm(
            self,
            self.tr("Reset layout"),
            self.tr("Forget where you dragged the boxes and lay the chart out again?"),
        ):
            return
        self._do_reset()

    def _do_reset(self) -> None:
        if self.account_id is None:
            return
        self._run(lambda: self.maps.reset_positions(self.account_id))
        self.view.fit()

    def add_person(self) -> None:
        if self.data is None or self.opportunity_id is None:
            return
        selected = self.scene.selected_ids()
        values = PersonValues(reports_to_id=selected[0] if len(selected) == 1 else None)
        opportunity_id = self.opportunity_id

        def save(v: PersonValues) -> None:
            self.maps.add_person(
                opportunity_id,
                name=v.name,
                title=v.title,
                department=v.department,
                reports_to_id=v.reports_to_id,
                roles=v.roles,
                attitude=v.attitude,
                influence=v.influence,
            )

        self._open_dialog(values, manager_choices(self.data, None), save, adding=True)

    def edit_person(self, contact_id: int) -> None:
        if self.data is None or self.opportunity_id is None:
            return
        try:
            person = self.data.person(contact_id)
        except KeyError:
            return
        values = PersonValues(
            person.name,
            person.title,
            person.department,
            person.manager_id,
            list(person.roles),
            person.attitude,
            person.influence,
        )
        opportunity_id = self.opportunity_id

        def save(v: PersonValues) -> None:
            contact: dict[str, object] = {
                "name": v.name,
                "title": v.title,
                "department": v.department,
            }
            if v.reports_to_id != person.manager_id:
                contact["reports_to_id"] = v.reports_to_id
            self.maps.edit_person(
                opportunity_id,
                contact_id,
                contact=contact,
                roles=v.roles,
                attitude=v.attitude,
                influence=v.influence,
            )

        self._open_dialog(values, manager_choices(self.data, contact_id), save, adding=False)

    def delete_selected(self) -> None:
        """Delete the selected people, after the rep confirms; nothing happens otherwise."""
        ids = self.scene.selected_ids()
        if not ids or self.data is None:
            return
        names = "、".join(self.data.person(i).name for i in ids)
        question = self.tr(
            "Delete {names} from this account? Their reports will move up to their manager. "
            "This cannot be undone."
        ).format(names=names)
        if not prompter.confirm(self, self.tr("Delete person"), question):
            return
        for contact_id in ids:
            if not self._run(lambda c=contact_id: self.maps.delete_person(c)):
                return

    def export_dialog(self, fmt: str) -> None:
        if self.data is None:
            return
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "pdf": self.tr("PDF document (*.pdf)"),
        }
        what = self.tr("decision map")  # a plain literal, so that lupdate extracts it
        suggested = suggested_path(file_stem(self.data.account_name, what), f".{fmt}")
        path = prompter.save_path(self, self.tr("Export the map"), suggested, filters[fmt])
        if path and self.export_to(with_suffix(path, f".{fmt}")):
            confirm_saved(self, self.tr("Export the map"), with_suffix(path, f".{fmt}"))

    def export_to(self, path: Path) -> bool:
        """Write the map as PNG, SVG or PDF (by extension); a problem is shown, not raised."""
        if self.data is None:
            return False
        from desktop.export.map.render import MapExportError, write_map

        try:
            paper = self.ctx.services.settings.get("paper_size")
            write_map(self.data, self.labels(), path, paper=paper)
        except (OSError, MapExportError) as exc:
            self.show_message(self.tr("Could not export the map: {error}").format(error=exc))
            return False
        self.show_message(self.tr("Saved {path}").format(path=path), error=False)
        return True

    # Reactions -----------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if self.opportunity_id is None:
            return
        ours = (
            (change.kind is ChangeKind.CONTACT and change.account_id == self.account_id)
            or (
                change.kind is ChangeKind.OPPORTUNITY
                and (self.opportunity_id in change.ids or change.account_id == self.account_id)
            )
            or (change.kind is ChangeKind.ACCOUNT and self.account_id in change.ids)
        )
        if ours:
            self.refresh()

    def _save_positions(self, positions: dict[int, tuple[float, float]]) -> None:
        if not self._run(lambda: self.maps.save_positions(positions)):
            self.scene.revert_positions()

    def _reparent(self, contact_id: int, manager_id: int) -> None:
        if self._run(lambda: self.maps.reparent(contact_id, manager_id)):
            self.clear_message()
        else:
            self.scene.revert_positions()

    def _run(self, work) -> bool:
        """Call a service; a refusal is shown above the map instead of raised."""
        try:
            work()
        except ValidationError as exc:
            self.show_message(exc.text(self.ctx.lang))
            return False
        return True

    def _refresh_warnings(self) -> None:
        self.warnings.clear()
        if self.opportunity_id is None:
            return
        playbook, lang = self.ctx.services.playbook, self.ctx.lang
        found = self.ctx.services.opportunities.warnings(self.opportunity_id, lang)
        fill_warnings(self.warnings, found, playbook, lang)
        if not found:
            ok = QListWidgetItem(self.tr("Every role in the decision circle is covered."))
            ok.setForeground(QColor("#1b5e20"))
            self.warnings.addItem(ok)

    def _refresh_outside(self) -> None:
        self.outside.clear()
        rows = (
            self.ctx.services.outside_influencers.list(self.opportunity_id)
            if self.opportunity_id is not None
            else []
        )
        ours = self.tr("our side")
        for row in rows:
            self.outside.addItem(f"{row.name} · {row.where(ours)}".rstrip(" ·"))
        self.outside_title.setVisible(bool(rows))
        self.outside.setVisible(bool(rows))

    def _warning_clicked(self, item: QListWidgetItem) -> None:
        contact_id = item.data(CONTACT_ID_ROLE)
        box = self.scene.people.get(contact_id) if contact_id is not None else None
        if box is not None:
            self.scene.clearSelection()
            box.setSelected(True)
            self.view.centerOn(box)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.view.itemAt(pos)
        menu = QMenu(self)
        if isinstance(item, PersonItem):
            if not item.isSelected():
                self.scene.clearSelection()
                item.setSelected(True)
            contact_id = item.contact_id
            menu.addAction(self.tr("Edit…"), lambda: self.edit_person(contact_id))
            menu.addAction(self.tr("Add a report…"), self.add_person)
            if item.person.manager_id is not None:
                menu.addAction(
                    self.tr("Move to the top of the chart"),
                    lambda: self._run(lambda: self.maps.reparent(contact_id, None)),
                )
            menu.addSeparator()
            menu.addAction(self.delete_action)
        else:
            menu.addAction(self.add_action)
            menu.addAction(self.fit_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # Helpers -------------------------------------------------------------------------------------

    def _edit_selected(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) == 1:
            self.edit_person(ids[0])

    def _open_dialog(self, values: PersonValues, managers, save, *, adding: bool) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = PersonDialog(
            self.ctx.services.playbook,
            self.ctx.lang,
            values,
            managers,
            save,
            adding=adding,
            parent=self,
        )
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _fit_if_pending(self) -> None:
        if self._fit_pending and self.data is not None:
            self._fit_pending = False
            self.view.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_if_pending)
