"""Screens keep QWidget's own methods: no attribute of a form or tab hides one.

The contact form's communication-style combo was once stored as ``style`` and the opportunities
tab's scroller as ``scroll``, hiding ``QWidget.style()`` and ``QWidget.scroll()``: anything that
asks a widget for its style (painting helpers, style-sheet re-polish) or scrolls it got a combo
box or a scroll area instead, and failed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from desktop.services.demo import load_demo
from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES


def test_the_contact_form_answers_style_and_its_style_combo_still_shows_the_tip(
    window, db, services, qtbot
):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_CIRCLE)
    contact = services.contacts.for_account(account_id)[0]
    form = page.circle.contact_form(contact.id)
    assert isinstance(form.style(), QStyle)  # the widget's style, not a field
    form.style().unpolish(form)  # what a style-sheet refresh does to every widget
    form.style().polish(form)
    styles = services.playbook.group("communication_styles")
    with_tip = next(e for e in styles if e.extra_text("pitch_tip", "en"))
    form.style_combo.set_key(with_tip.key)
    assert form.pitch_tip.text() == with_tip.extra_text("pitch_tip", "en")


def test_the_opportunities_tab_answers_scroll_and_scrolls_its_page(window, db, services, qtbot):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_OPPORTUNITIES)
    tab = page.opportunities
    tab.scroll(0, 0)  # QWidget.scroll(dx, dy): a no-op move, not a call on a scroll area
    assert tab.scroll_area.widget() is not None  # the page's scroller, under its own name
