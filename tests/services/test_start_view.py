"""The first page read before the ORM loads must be exactly the list the rep then sees."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from desktop.services.account_rows import AccountFilter
from desktop.services.start_view import PAGE, NotReadyError, load_start_view
from desktop.store.models import Account, Opportunity, Setting, Visit

TODAY = date(2026, 11, 23)


def _fill(db, playbook) -> None:
    """250 accounts (more than a page) with shared names, deals at every stage and visits."""
    rng = random.Random(3)
    stages = playbook.keys("funnel_stages")
    names = ["苏州恒远", "Acme", "北京华信", "Zeta GmbH", "上海", "acme", "Ångström AB"]
    with db.write() as s:
        s.add(Setting(key="language", value="zh"))
        for i in range(250):
            account = Account(
                name=f"{rng.choice(names)} {rng.randint(1, 40)}",
                alt_name=rng.choice(["", "Alt name", "别名"]),
                industry=rng.choice(["", "制造", "Retail"]),
                city=rng.choice(["", "苏州", "Berlin"]),
                pyramid_tier=rng.choice([None, "key", "large"]),
            )
            s.add(account)
            s.flush()
            for _ in range(rng.randint(0, 3)):
                opp = Opportunity(account_id=account.id, name=f"Deal {i}", stage=rng.choice(stages))
                s.add(opp)
                s.flush()
                for _ in range(rng.randint(0, 2)):
                    when = datetime.combine(TODAY, datetime.min.time()) + timedelta(
                        days=rng.randint(-5, 10), hours=rng.choice([0, 9, 15])
                    )
                    s.add(
                        Visit(
                            opportunity_id=opp.id,
                            starts_at=when,
                            status=rng.choice(["draft", "planned", "done"]),
                        )
                    )


def test_first_page_agrees_with_the_account_list_query(db, db_path, services, playbook):
    _fill(db, playbook)
    expected = services.queries.account_rows(AccountFilter(), "name", False, 0, PAGE, TODAY)

    view = load_start_view(db_path, playbook, TODAY)

    assert view is not None
    assert view.queries.account_rows() == expected
    assert len(expected) == PAGE  # a full page, so the ordering of the cut matters
    assert view.queries.count_accounts() == 250 == services.queries.count_accounts()
    assert any(row.best_stage for row in expected) and any(row.next_visit for row in expected)
    assert view.setting("language") == "zh"


def test_anything_but_the_opening_query_waits_for_the_services(db, db_path, playbook):
    _fill(db, playbook)
    view = load_start_view(db_path, playbook, TODAY)
    assert view is not None
    with pytest.raises(NotReadyError):
        view.queries.account_rows(AccountFilter(tier="key"))
    with pytest.raises(NotReadyError):
        view.queries.account_rows(sort="city")
    with pytest.raises(NotReadyError):
        view.queries.account_rows(offset=PAGE)


def test_files_that_need_the_ordinary_start_give_no_view(tmp_path, playbook, db_path, db):
    assert load_start_view(tmp_path / "missing.sqlite3", playbook) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert load_start_view(garbage, playbook) is None
    # An older (or newer) revision must go through the upgrade path with its backup.
    db.close()
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0000'")
    con.commit()
    con.close()
    assert load_start_view(db_path, playbook) is None
