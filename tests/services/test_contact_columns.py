"""A contact's columns are declared once: one entry there reaches every importer, exporter and
the search index, with no other change.

The test turns a stored field no contact file carries today (``background``, "Education and
background") into a file column by changing only its entry in
``desktop.domain.contact_columns.COLUMNS``, then follows it through a CSV import (a header
alias in Chinese), the CSV, XLSX and vCard exports, a vCard re-import and the search, both for
imported people (the bulk insert) and for a form edit (the ORM hook).
"""

from __future__ import annotations

import csv
import dataclasses

import pytest

from desktop.domain import contact_columns
from desktop.export.contacts import export_contacts
from desktop.services.contact_import import commit_import, preview_import

BACKGROUND = "Tsinghua 精密机械 alumnus"


@pytest.fixture
def background_is_a_file_column(monkeypatch):
    changed = tuple(
        dataclasses.replace(
            c,
            imported=True,
            exported=True,
            aliases=("background", "教育背景"),
            vcard=("X-CALLBRIEF-BACKGROUND",),
            search="body",
        )
        if c.key == "background"
        else c
        for c in contact_columns.COLUMNS
    )
    monkeypatch.setattr(contact_columns, "COLUMNS", changed)


@pytest.fixture
def account(services):
    return services.accounts.create(name="苏州恒远精密制造有限公司").id


def _search(services, words):
    return [(h.kind, h.title) for h in services.queries.search(words) if h.kind == "contact"]


def test_one_declared_column_travels_through_every_file_and_the_search(
    services, account, tmp_path, background_is_a_file_column
):
    sheet = tmp_path / "people.csv"
    sheet.write_text(f"姓名,职位,教育背景\n王建国,采购总监,{BACKGROUND}\n", encoding="utf-8")

    preview = preview_import(services, sheet, account)
    assert preview.mapping["教育背景"] == "background"
    assert commit_import(services, preview, account) == 1
    (wang,) = services.contacts.for_account(account)
    assert wang.background == BACKGROUND
    assert _search(services, "alumnus") == [("contact", "王建国")]  # the import's bulk index

    out = tmp_path / "out.csv"
    export_contacts(services, account, out, lang="zh")
    with open(out, encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["教育和背景"] == BACKGROUND

    from openpyxl import load_workbook

    export_contacts(services, account, tmp_path / "out.xlsx", lang="en")
    book = load_workbook(tmp_path / "out.xlsx")
    header = [c.value for c in book.active[1]]
    assert book.active.cell(2, header.index("Education and background") + 1).value == BACKGROUND

    card = tmp_path / "out.vcf"
    export_contacts(services, account, card)
    assert "X-CALLBRIEF-BACKGROUND:Tsinghua 精密机械 alumnus" in card.read_text(encoding="utf-8")
    other = services.accounts.create(name="上海另一家公司").id
    again = preview_import(services, card, other)
    assert commit_import(services, again, other) == 1
    assert services.contacts.for_account(other)[0].background == BACKGROUND

    services.contacts.update(wang.id, background="Fudan MBA")
    assert _search(services, "Fudan") == [("contact", "王建国")]  # the ORM hook's entry


def test_without_the_declaration_the_same_file_carries_nothing_more(services, account, tmp_path):
    # The same steps with the declaration as shipped: the column is ignored, nothing is written.
    sheet = tmp_path / "people.csv"
    sheet.write_text(f"姓名,职位,教育背景\n王建国,采购总监,{BACKGROUND}\n", encoding="utf-8")
    preview = preview_import(services, sheet, account)
    assert preview.mapping["教育背景"] == "ignore"
    commit_import(services, preview, account)
    assert services.contacts.for_account(account)[0].background == ""
    assert _search(services, "alumnus") == []
