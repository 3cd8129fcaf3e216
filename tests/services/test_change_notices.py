"""Every write announces a typed change after its commit, saying who asked for it.

A listener on the notifier reads the data file through a second, independent connection: what
the change names must already be on disk when the change arrives (announced after the commit,
not before it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main as cli_main
from desktop.domain.playbook import default_playbook
from desktop.export.bundle import export_bundle
from desktop.services import Services
from desktop.services.events import Change, ChangeKind, Origin, ScreenToken, initiated_by
from desktop.store.database import open_database


def _account_names(path: Path) -> list[str]:
    """The accounts as another program would read them now (a connection of its own)."""
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM accounts ORDER BY id")]
    finally:
        con.close()


class Recorder:
    """Each change, with the account names a second connection saw when it arrived."""

    def __init__(self, services: Services) -> None:
        self.path = services.db.path
        self.seen: list[tuple[Change, list[str]]] = []
        services.notifier.subscribe(self)

    def __call__(self, change: Change) -> None:
        self.seen.append((change, _account_names(self.path)))

    @property
    def changes(self) -> list[Change]:
        return [change for change, _names in self.seen]


def test_a_change_carries_the_kind_as_an_enum_and_the_initiator_asked_for(services):
    recorder = Recorder(services)
    token = ScreenToken("profile")
    with initiated_by(token):
        account = services.accounts.create(name="Hengyuan")
    services.accounts.update(account.id, city="Suzhou")
    first, second = recorder.changes
    assert first.kind is ChangeKind.ACCOUNT and first.ids == {account.id}
    assert first.initiator is token and first.is_from(token)
    assert second.initiator is None and not second.is_from(token)  # nobody said who
    assert not first.is_from(ScreenToken("profile"))  # a token equals only itself
    assert recorder.seen[0][1] == ["Hengyuan"]  # committed before it was announced


def test_an_unknown_kind_is_refused_where_it_is_announced():
    with pytest.raises(ValueError):
        Change("acount")
    assert Change("contact").kind is ChangeKind.CONTACT


def test_bundle_import_announces_the_account_after_its_commit(services, tmp_path):
    account_id = services.demo.load()
    bundle = tmp_path / "hengyuan.json"
    export_bundle(services.db, account_id, bundle)
    other = Services.build(open_database(tmp_path / "other" / "c.sqlite3"), default_playbook())
    try:
        recorder = Recorder(other)
        result = other.bundles.import_file(bundle)
        (account, names), (visits, _names) = recorder.seen
        assert account.kind is ChangeKind.ACCOUNT and account.ids == {result.account_id}
        assert account.account_id == result.account_id
        assert account.initiator is Origin.IMPORT
        assert names == [result.account_name]  # on disk when announced
        assert visits.kind is ChangeKind.VISIT and visits.account_id == result.account_id
    finally:
        other.close()


def test_loading_the_demo_announces_it_as_the_demo(services):
    recorder = Recorder(services)
    account_id = services.demo.load()
    change, names = recorder.seen[0]
    assert (change.kind, change.ids, change.initiator) == (
        ChangeKind.ACCOUNT,
        {account_id},
        Origin.DEMO,
    )
    assert names == [services.accounts.get(account_id).name]


def test_a_restore_announces_the_whole_file_after_it_is_in_place(services):
    services.accounts.create(name="Kept in the backup")
    backup = services.backups.back_up_now()
    services.accounts.create(name="Made after the backup")
    recorder = Recorder(services)
    services.backups.restore(backup.path)
    (change, names) = recorder.seen[-1]
    assert change.kind is ChangeKind.RESTORED and change.initiator is Origin.RESTORE
    assert not change.touches_rows  # not itself an edit an automatic backup must save
    assert names == ["Kept in the backup"]  # the restored file is the one on disk


def test_a_backup_is_announced_but_is_no_edit(services):
    recorder = Recorder(services)
    services.backups.back_up_now()
    assert [(c.kind, c.initiator) for c in recorder.changes] == [
        (ChangeKind.BACKED_UP, Origin.BACKUP)
    ]


def test_the_command_line_is_the_initiator_of_what_it_writes(tmp_path, monkeypatch, capsys):
    import desktop.cli

    seen: list[Change] = []
    real_open = desktop.cli.open_services

    def opened(options):  # type: ignore[no-untyped-def]
        services = real_open(options)
        services.notifier.subscribe(seen.append)
        return services

    monkeypatch.setattr(desktop.cli, "open_services", opened)
    assert cli_main(["--data-dir", str(tmp_path / "d"), "demo"]) == 0
    assert [c.kind for c in seen] == [ChangeKind.ACCOUNT, ChangeKind.VISIT]
    assert {c.initiator for c in seen} == {Origin.CLI} and Origin.CLI == "cli"
