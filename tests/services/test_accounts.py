"""Accounts: creating, changing and deleting, with field-level validation."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from desktop.domain.validation import ValidationError
from desktop.store.models import Account, BuyingRole, Contact, Opportunity, Visit


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_create_account_stores_chinese_and_derives_segment_code(services, db):
    account = services.accounts.create(
        name="苏州恒远精密制造有限公司",
        alt_name="Suzhou Hengyuan Precision",
        headcount="1,200",
        seg_recognition="E",
        seg_pain="1",
        seg_status="A",
        seg_profit_tier="2",
    )
    stored = services.accounts.get(account.id)
    assert stored.name == "苏州恒远精密制造有限公司"
    assert stored.headcount == 1200
    assert stored.segment_code == "E1A2"


def test_segment_code_follows_changes_and_empties_when_an_input_is_cleared(services):
    account = services.accounts.create(
        name="Acme", seg_recognition="F", seg_pain="2", seg_status="D", seg_profit_tier="3"
    )
    assert account.segment_code == "F2D3"
    assert services.accounts.update(account.id, seg_status="B").segment_code == "F2B3"
    assert services.accounts.update(account.id, seg_pain=None).segment_code == ""


def test_invalid_fields_are_all_reported_and_nothing_is_saved(services, db):
    with pytest.raises(ValidationError) as caught:
        services.accounts.create(name="", headcount="many", pyramid_tier="gold", currency="dollarz")
    fields = caught.value.by_field()
    assert set(fields) == {"name", "headcount", "pyramid_tier", "currency"}
    assert "whole number" in fields["headcount"]
    assert "不是可选项" in caught.value.by_field("zh")["pyramid_tier"]
    assert count(db, Account) == 0


def test_too_long_name_is_refused_not_truncated(services):
    with pytest.raises(ValidationError) as caught:
        services.accounts.create(name="名" * 201)
    assert "201" in caught.value.by_field()["name"]


def test_update_of_a_deleted_account_says_it_is_gone(services):
    account = services.accounts.create(name="Gone Ltd")
    services.accounts.delete(account.id)
    with pytest.raises(ValidationError) as caught:
        services.accounts.update(account.id, name="Back")
    assert "no longer exists" in caught.value.text()


def test_delete_account_removes_what_belongs_to_it_and_nothing_else(services, db):
    keep = services.accounts.create(name="Keep Co")
    gone = services.accounts.create(name="Gone Co")
    for account in (keep, gone):
        contact = services.contacts.create(account.id, name=f"{account.name} boss")
        opp = services.opportunities.create(account.id, name="Deal")
        services.opportunities.set_role(opp.id, contact.id, roles=["decision_maker"])
        services.visits.plan(opp.id, title="Visit")
    services.accounts.delete(gone.id)
    assert count(db, Account) == 1
    assert count(db, Contact) == 1
    assert count(db, Opportunity) == 1
    assert count(db, BuyingRole) == 1
    assert count(db, Visit) == 1
    assert services.queries.search("Gone") == []
    assert [h.title for h in services.queries.search("Keep")] == ["Keep Co", "Keep Co boss"]


def test_changes_are_announced_after_commit(services, db_path):
    seen = []

    def committed(change) -> None:
        # Another connection (another window, another process) already sees the change.
        con = sqlite3.connect(db_path)
        try:
            names = [r[0] for r in con.execute("SELECT name FROM accounts")]
        finally:
            con.close()
        seen.append((change.kind, change.deleted, names))

    services.notifier.subscribe(committed)
    account = services.accounts.create(name="Announce Ltd")
    services.accounts.delete(account.id)
    assert seen == [("account", False, ["Announce Ltd"]), ("account", True, [])]
