"""The Profile and research tab: company facts, classification, segmentation and notes.

Every field autosaves through one FormBinder (undo on the window's stack, errors at the field).
Its saves carry the tab's ``token``: the account page does not reload the tab for them.
The segment code is worked out as the rep picks the four inputs, before the save comes back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.segment import segment_code
from desktop.services.events import ScreenToken
from desktop.ui.context import UiContext

from ..binding import FormBinder
from ..widgets.key_combo import KeyCombo
from ..widgets.page_scroll import page_scroll
from ..widgets.save_status import SaveReporter
from .form_rows import amount_with_currency, section, show_starts, text_box
from .tab import AccountTab

SEGMENT_INPUTS = (
    ("seg_recognition", "recognition_levels"),
    ("seg_pain", "pain_levels"),
    ("seg_status", "segment_status"),
    ("seg_profit_tier", "profit_tiers"),
)
CLASSIFICATION = (
    ("pyramid_tier", "pyramid_tiers"),
    ("buying_behaviour", "buying_behaviours"),
    ("customer_type", "customer_types"),
    ("buying_cycle_stage", "buying_cycle"),
    ("cvm_phase", "cvm_phases"),
)


TWO_COLUMNS_MIN_WIDTH = 880


class ProfileTab(AccountTab):
    # Its combos translate themselves and the segment's words come with ``_retranslate``.
    RELOAD_ON_LANGUAGE = False

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, account_id, parent)
        services = ctx.services
        self.token = ScreenToken("account profile")  # who saved: this tab (see page.py)
        self.binder = FormBinder(
            lambda values: services.accounts.update(account_id, **values),
            undo_stack,
            lambda: ctx.lang,
            self,
            self.tr("Edit account profile"),
            place=lambda: self.tr("Profile and research"),
            initiator=self.token,
        )
        reporter.watch(self.binder)
        self.binder.saved.connect(self._update_segment)

        content = QWidget()
        columns = self._columns = QHBoxLayout(content)
        columns.setContentsMargins(20, 8, 20, 20)
        columns.setSpacing(28)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 11)
        columns.addLayout(right, 10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page_scroll(content))

        self.fields: dict[str, QWidget] = {}

        # Company facts, in the order a rep researches them.
        self.facts_header, _form, self.facts = section(left, 170)
        for name in ("name", "alt_name", "industry", "city"):
            self._bind(self.facts, name, QLineEdit())
        self._bind(self.facts, "address", text_box(48))
        self._bind(self.facts, "website", QLineEdit())
        self._bind(self.facts, "headcount", QLineEdit())
        revenue_row, revenue, currency = amount_with_currency()
        error = self.facts.add("annual_revenue", revenue_row)
        self.fields["annual_revenue"], self.fields["currency"] = revenue, currency
        self.binder.bind("annual_revenue", revenue, error)
        self.binder.bind("currency", currency, error)
        self._bind(self.facts, "category_spend", QLineEdit())
        for name in (
            "main_business",
            "industry_position",
            "org_structure",
            "history",
            "past_cooperation",
            "opinion_of_us",
        ):
            self._bind(self.facts, name, text_box())
        left.addStretch(1)

        # Classification: combos from the playbook.
        self.class_header, _form, self.classification = section(right, 190)
        for name, group in CLASSIFICATION:
            self._bind(self.classification, name, KeyCombo(ctx, group))

        # Segmentation: the four inputs and the code they make.
        self.seg_header, seg_form, self.segmentation = section(right, 190)
        for name, group in SEGMENT_INPUTS:
            combo = KeyCombo(ctx, group)
            self._bind(self.segmentation, name, combo)
            combo.currentIndexChanged.connect(self._update_segment)
        self.segment_code = QLabel()
        self.segment_code.setObjectName("segmentCode")
        self.segment_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segment_meaning = QLabel()
        self.segment_meaning.setWordWrap(True)
        self.segment_meaning.setObjectName("muted")
        code_box = QWidget()
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(0, 4, 0, 0)
        code_layout.setSpacing(2)
        code_layout.addWidget(self.segment_code)
        code_layout.addWidget(self.segment_meaning)
        self.segment_label = QLabel()
        self.segment_label.setMinimumWidth(190)
        self.segment_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        seg_form.addRow(self.segment_label, code_box)

        self.notes_header, _form, self.notes_rows = section(right, 190)
        self._bind(self.notes_rows, "notes", text_box(120))
        right.addStretch(1)

        self.reload()
        self._retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        # Narrower than this (150 % on a laptop), two columns leave each field a few characters:
        # the sections then follow one another, in the same (reading and Tab) order.
        wide = event.size().width() >= TWO_COLUMNS_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        super().resizeEvent(event)

    def _bind(self, rows, name: str, widget: QWidget) -> None:
        error = rows.add(name, widget)
        self.fields[name] = widget
        self.binder.bind(name, widget, error)

    def reload(self) -> None:
        self.binder.load(self._ctx.services.accounts.get(self.account_id))
        show_starts(self.fields)
        self._update_segment()

    def flush(self) -> bool:
        return self.binder.flush()

    def _update_segment(self, *_args: object) -> None:
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        keys = [self.fields[name].currentData() for name, _group in SEGMENT_INPUTS]  # type: ignore[attr-defined]  # combos
        code = segment_code(*keys)
        if code:
            self.segment_code.setText(code)
            meaning = [
                playbook.label(group, key, lang)
                for (_name, group), key in zip(SEGMENT_INPUTS, keys, strict=True)
            ]
            self.segment_meaning.setText(" · ".join(meaning))
        else:
            self.segment_code.setText("— — — —")
            self.segment_meaning.setText(
                self.tr("Choose all four inputs above to get the segment code.")
            )

    def _retranslate(self) -> None:
        self.facts_header.setText(self.tr("Company facts"))
        self.class_header.setText(self.tr("Classification"))
        self.seg_header.setText(self.tr("Segmentation"))
        self.notes_header.setText(self.tr("Notes"))
        self.facts.set_texts(
            {
                "name": self.tr("Company name"),
                "alt_name": self.tr("Name in the other language"),
                "industry": self.tr("Industry"),
                "city": self.tr("City"),
                "address": self.tr("Address"),
                "website": self.tr("Website"),
                "headcount": self.tr("Headcount"),
                "annual_revenue": self.tr("Annual revenue"),
                "category_spend": self.tr("Spend in our category"),
                "main_business": self.tr("Main business"),
                "industry_position": self.tr("Industry position"),
                "org_structure": self.tr("Organisation structure"),
                "history": self.tr("History"),
                "past_cooperation": self.tr("Past cooperation with us"),
                "opinion_of_us": self.tr("Their opinion of us"),
            }
        )
        self.classification.set_texts(
            {
                "pyramid_tier": self.tr("Pyramid tier"),
                "buying_behaviour": self.tr("Buying behaviour"),
                "customer_type": self.tr("Customer type"),
                "buying_cycle_stage": self.tr("Buying-cycle stage"),
                "cvm_phase": self.tr("Customer value phase"),
            }
        )
        self.segmentation.set_texts(
            {
                "seg_recognition": self.tr("Recognition of our expertise"),
                "seg_pain": self.tr("Pain"),
                "seg_status": self.tr("Status"),
                "seg_profit_tier": self.tr("Profit tier"),
            }
        )
        self.segment_label.setText(self.tr("Segment code"))
        self.fields["currency"].setAccessibleName(self.tr("Currency"))
        self.fields["notes"].setAccessibleName(self.tr("Notes"))
        self.fields["currency"].setToolTip(
            self.tr("Currency: a code such as CNY, or its sign or name (¥, RMB, US$, 美元)")
        )
        self.fields["website"].setPlaceholderText("https://")  # type: ignore[attr-defined]  # a QLineEdit
        self._update_segment()
