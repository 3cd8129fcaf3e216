"""The account list: paged from SQL, sorted by a header click, narrowed by the filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, type_text

from desktop.store.models import Account, Opportunity
from desktop.ui.account.page import AccountPage
from desktop.ui.accounts.model import CHUNK, COL_CITY, COL_NAME, COL_STAGE, ID_ROLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def names(view) -> list[str]:
    model = view.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def click_header(view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, 5))


@pytest.fixture
def accounts(services):
    rows = [
        ("Bravo Tools", "Suzhou", "key", "E1A1", "C"),
        ("Alpha Casting", "Wuxi", "small", "F2D3", "A"),
        ("Charlie Motors", "Changzhou", "ordinary", "E1B2", None),
        ("德胜机械", "Ningbo", "key", "E2C1", "E"),
    ]
    ids = {}
    for name, city, tier, code, stage in rows:
        keys = ("seg_recognition", "seg_pain", "seg_status", "seg_profit_tier")
        values = dict(zip(keys, code, strict=True))
        account = services.accounts.create(name=name, city=city, pyramid_tier=tier, **values)
        if stage:
            services.opportunities.create(account.id, name=f"{name} deal", stage=stage)
        ids[name] = account.id
    return ids


def test_header_click_sorts_in_sql_and_filters_narrow(qtbot, window, accounts):
    view = window.accounts
    view.refresh()
    assert names(view) == ["Alpha Casting", "Bravo Tools", "Charlie Motors", "德胜机械"]
    assert view.count.text() == "4 accounts"

    click_header(view, COL_CITY)
    assert names(view)[0] == "Charlie Motors"  # Changzhou
    assert view.model.sort_key == ("city", False)
    click_header(view, COL_CITY)
    assert view.model.sort_key == ("city", True)
    assert names(view) == ["Alpha Casting", "Bravo Tools", "德胜机械", "Charlie Motors"]

    click_header(view, COL_STAGE)
    click_header(view, COL_STAGE)  # most advanced deal first; accounts without one last
    assert view.model.sort_key == ("stage", True)
    assert names(view) == ["德胜机械", "Bravo Tools", "Alpha Casting", "Charlie Motors"]
    assert view.model.index(0, COL_STAGE).data() == "E · Closing"

    choose(view.filters.tier, "key")
    assert sorted(names(view)) == ["Bravo Tools", "德胜机械"]
    type_text(view.filters.segment, "E1")
    qtbot.waitUntil(lambda: names(view) == ["Bravo Tools"], timeout=3000)
    assert view.count.text() == "1 account"
    view.filters.segment.clear()
    choose(view.filters.tier, None)
    choose(view.filters.stage, "A")
    assert names(view) == ["Alpha Casting"]
    choose(view.filters.stage, None)
    type_text(view.filters.name, "德胜")
    qtbot.waitUntil(lambda: names(view) == ["德胜机械"], timeout=3000)


def test_enter_on_a_row_opens_the_account(qtbot, window, accounts):
    view = window.accounts
    view.refresh()
    view.table.setFocus()
    view.table.selectRow(1)
    QTest.keyClick(view.table, Qt.Key_Return)
    page = window.current_screen()
    assert isinstance(page, AccountPage)
    assert page.account_id == view.model.index(1, 0).data(ID_ROLE)


def test_rows_are_read_in_pages_as_the_rep_scrolls(qtbot, window, db):
    with db.write() as s:
        for i in range(CHUNK * 2 + 50):
            account = Account(name=f"Account {i:04d}", city="Suzhou")
            s.add(account)
            s.flush()
            if i % 3 == 0:
                s.add(Opportunity(account_id=account.id, name="deal", stage="B"))
    view = window.accounts
    view.refresh()
    model = view.model
    assert model.total == CHUNK * 2 + 50
    assert model.rowCount() == CHUNK  # only the first page was read
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= CHUNK * 2, timeout=3000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == CHUNK * 2 + 50
    assert model.index(CHUNK * 2 + 49, COL_NAME).data() == f"Account {CHUNK * 2 + 49:04d}"
