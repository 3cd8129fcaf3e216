"""A first sync's new accounts are written without ORM objects (desktop/services/sync_insert.py):
the file must end up exactly as when the same bundle is imported through the ORM.

The rich account of test_bundle.py (every table, every column set) goes once through the
bundle import (ORM objects) into one real file and once through ``TeamSyncService.apply_batch``
(Core inserts, as a first sync writes it) into another. Every row and every column compare
equal, the deals' stall facts the triggers keep included, and so do the search entries; the
people are found by their Chinese and English names and by an e-mail kept only in their
details.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich_account import RICH_UID, build_rich, snapshot
from sqlalchemy import select, text

from desktop.domain.playbook import default_playbook
from desktop.export.bundle import bundle_dict
from desktop.services import Services, sync_batch
from desktop.services.bundle_import import import_bundle
from desktop.services.team_sync import Incoming
from desktop.store.database import Database, open_database
from desktop.store.models import Account, Contact, Opportunity

KINDS = {0: Account, 1: Contact, 2: Opportunity}


@pytest.fixture
def rich(db: Database) -> dict[str, Any]:
    bundle = bundle_dict(db, build_rich(db))
    for deal in bundle["account"]["opportunities"]:  # an open step with a date: a stall fact
        for visit in deal["visits"]:
            for step in visit["next_steps"]:
                if not step["done"]:
                    step["due_date"] = "2025-07-01"
    return bundle


@pytest.fixture
def orm_file(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "orm" / "callbrief.sqlite3")
    yield database
    database.close()


@pytest.fixture
def synced(tmp_path: Path) -> Iterator[Services]:
    services = Services.build(
        open_database(tmp_path / "synced" / "callbrief.sqlite3"), default_playbook()
    )
    yield services
    services.close()


def _import(db: Database, bundle: dict[str, Any], folder: Path) -> None:
    path = folder / f"{bundle['account']['uid']}.callbrief.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    import_bundle(db, path)


def _no_orm_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new account must not be built as ORM objects: the batch's ORM writer refuses."""

    def refuse(*_args: Any) -> None:
        raise AssertionError("a brand-new account went through the ORM")

    monkeypatch.setattr(sync_batch, "add_account", refuse)
    monkeypatch.setattr(sync_batch, "write_account", refuse)


def _entries(db: Database) -> set[tuple[str, str, str, str]]:
    """Every search entry as (uid of what it indexes, title, body, account uid)."""
    with db.read() as s:
        uids = {
            (code, row_id): uid
            for code, model in KINDS.items()
            for row_id, uid in s.execute(select(model.id, model.uid))
        }
        accounts = {row_id: uid for row_id, uid in s.execute(select(Account.id, Account.uid))}
        found = s.execute(text("SELECT rowid, title, body, account_id FROM search_fts"))
        return {
            (uids[(rowid % 4, rowid // 4)], title, body, accounts[account_id])
            for rowid, title, body, account_id in found
        }


def test_a_new_account_synced_is_stored_as_an_imported_one(
    rich: dict[str, Any],
    orm_file: Database,
    synced: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _import(orm_file, rich, tmp_path)
    _no_orm_writes(monkeypatch)
    done = synced.team_sync.apply_batch([Incoming(RICH_UID, b"state", rich["account"])])
    assert not done.refused
    assert done.applied[RICH_UID].counts["contacts"] == len(rich["account"]["contacts"])

    written = snapshot(synced.team_sync.db, RICH_UID)
    assert written == snapshot(orm_file, RICH_UID)
    assert any(o["last_visit_at"] for o in written["opportunities"])  # the triggers ran
    assert any(o["maybe_phase"] for o in written["opportunities"])
    assert any(o["open_step_due"] for o in written["opportunities"])
    assert _entries(synced.team_sync.db) == _entries(orm_file)


def test_people_of_a_synced_account_are_found_in_both_languages(
    rich: dict[str, Any], synced: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_orm_writes(monkeypatch)
    synced.team_sync.apply_batch([Incoming(RICH_UID, b"state", rich["account"])])
    for query, name in [
        ("王建国", "王建国"),
        ("刘芳", "Liu Fang 刘芳"),
        ("Liu Fang", "Liu Fang 刘芳"),
        ("Sun Hao", "Sun Hao"),
        ("p0@163.com", "王建国"),  # an e-mail kept only in the person's details
    ]:
        assert name in {hit.title for hit in synced.queries.search(query)}, query


def test_a_batch_of_new_accounts_and_a_replaced_one(
    rich: dict[str, Any],
    orm_file: Database,
    synced: Services,
    tmp_path: Path,
) -> None:
    """Three accounts in one batch, one of them already in the file: each stored as its own
    import would store it, none mixed with another's ids."""
    copies = [_renamed(rich, n) for n in range(3)]
    synced.team_sync.apply_batch([Incoming(copies[1]["account"]["uid"], b"", copies[1]["account"])])
    copies[1]["account"]["name"] = "Replaced in the batch"
    done = synced.team_sync.apply_batch(
        [Incoming(c["account"]["uid"], b"", c["account"]) for c in copies]
    )
    assert not done.refused and done.applied[copies[1]["account"]["uid"]].replaced
    for bundle in copies:
        _import(orm_file, bundle, tmp_path)
    for bundle in copies:
        uid = bundle["account"]["uid"]
        assert snapshot(synced.team_sync.db, uid) == snapshot(orm_file, uid)
    assert _entries(synced.team_sync.db) == _entries(orm_file)


def _renamed(bundle: dict[str, Any], n: int) -> dict[str, Any]:
    """The bundle with every uid made its own (the same change everywhere) and its own name."""
    raw = json.dumps(copy.deepcopy(bundle), ensure_ascii=False)
    for uid in sorted(_uids(bundle["account"]), key=len, reverse=True):
        fresh = hashlib.md5(f"{n} {uid}".encode()).hexdigest()
        raw = raw.replace(f'"{uid}"', f'"{fresh}"')
    renamed: dict[str, Any] = json.loads(raw)
    renamed["account"]["name"] = f"Copy {n}"
    return renamed


def _uids(item: Any) -> set[str]:
    if isinstance(item, dict):
        own = {item["uid"]} if isinstance(item.get("uid"), str) else set()
        return own.union(*(_uids(v) for v in item.values()))
    if isinstance(item, list):
        return set().union(*(_uids(v) for v in item))
    return set()
