"""Encryption at rest: once turned on, no name or phone number of the demo is readable in any
file of the data folder — the file, its WAL, every backup, kept-aside copies — and nothing
opens without the passphrase."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from reliability_support import cli, record

from desktop.domain.playbook import default_playbook
from desktop.services import Services
from desktop.services.backups import BackupService
from desktop.services.encryption import enable_encryption
from desktop.store import backups, crypto, health
from desktop.store.database import open_database
from desktop.store.errors import BackupError, PassphraseError

PASSPHRASE = "tea at the Suzhou plant, 9 o'clock"


@pytest.fixture(autouse=True)
def _forget_passphrase():
    yield
    crypto.provide_passphrase(None)


def secrets_of(db_path: Path) -> set[str]:
    """Every name and phone number the demo holds."""
    con = sqlite3.connect(db_path)
    try:
        found = {r[0] for r in con.execute("SELECT name FROM accounts")}
        for name, alt, mobile, office in con.execute(
            "SELECT name, alt_name, phone_mobile, phone_office FROM contacts"
        ):
            found |= {name, alt, mobile, office}
    finally:
        con.close()
    return {s for s in found if s and len(s) >= 2}


def readable_in(folder: Path, secrets: set[str]) -> list[str]:
    """Secrets found in the folder's files, as UTF-8 or UTF-16. Encodings shorter than 6 bytes
    are not looked for: random (encrypted) bytes contain any given 4 bytes by chance."""
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                    if len(encoded) >= 6 and encoded in data:
                        hits.append(f"{path.name}: {secret}")
    return hits


@pytest.fixture
def encrypted(demo_db):
    """The demo folder, with backups and a replaced file, then encrypted; the db is open."""
    folder = demo_db.parent
    backups.make_backup(demo_db, "manual")
    backups.make_backup(demo_db, "pre-migration-0001")
    saved = backups.make_backup(demo_db, "auto")
    backups.restore(saved.path, demo_db)  # leaves callbrief.sqlite3.replaced-…
    secrets = secrets_of(demo_db)
    assert readable_in(folder, secrets)  # the check can see plaintext when it is there
    db = open_database(demo_db)
    result = enable_encryption(db, PASSPHRASE)
    return db, folder, secrets, result


def test_no_name_or_phone_is_readable_anywhere_in_the_folder(encrypted):
    db, folder, secrets, result = encrypted
    assert len(result.converted) == 4 and result.left_plain == []
    services = Services.build(db, default_playbook())
    account = services.queries.accounts(limit=1)[0]
    # Edits after encryption sit in the WAL until a checkpoint: it is encrypted too.
    for i in range(20):
        services.contacts.create(
            account.id, name=f"王小明{i}", phone_mobile=f"+86 186 0000 {i:04d}"
        )
    assert (folder / "callbrief.sqlite3-wal").stat().st_size > 0
    BackupService(db).back_up_now("auto")
    secrets |= {f"王小明{i}" for i in range(20)} | {f"+86 186 0000 {i:04d}" for i in range(20)}
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert readable_in(folder, secrets) == []
    db.close()
    assert readable_in(folder, secrets) == []
    record(
        "encryption",
        files_checked=len(files),
        secrets=len(secrets),
        readable=0,
        converted_copies=len(result.converted),
    )


def test_the_app_carries_on_and_reopens_only_with_the_passphrase(encrypted, monkeypatch):
    db, folder, _secrets, _result = encrypted
    path = db.path
    services = Services.build(db, default_playbook())
    assert services.queries.search("恒远")  # the search index came along
    db.close()
    crypto.provide_passphrase(None)
    monkeypatch.delenv(crypto.ENV_PASSPHRASE, raising=False)
    with pytest.raises(PassphraseError, match="is encrypted"):
        open_database(path)
    with pytest.raises(PassphraseError, match="does not open"):
        open_database(path, "not the passphrase")
    report = health.check_at_start(path)
    assert report.status == health.LOCKED and report.moved_to is None and path.exists()
    monkeypatch.setenv(crypto.ENV_PASSPHRASE, PASSPHRASE)
    reopened = open_database(path)
    assert health.check_at_start(path, PASSPHRASE, full=True).status == health.OK
    reopened.close()
    record("encryption", wrong_passphrase="plain message", missing_passphrase="plain message")


def test_backups_restore_only_with_the_passphrase(encrypted, tmp_path):
    db, folder, _secrets, _result = encrypted
    db.close()
    newest = backups.list_backups(folder / "backups")[0]
    elsewhere = tmp_path / "other" / "callbrief.sqlite3"
    with pytest.raises(BackupError, match="encrypted"):
        backups.restore(newest.path, elsewhere)
    with pytest.raises(PassphraseError):
        backups.restore(newest.path, elsewhere, "wrong passphrase")
    assert not elsewhere.exists()
    backups.restore(newest.path, elsewhere, PASSPHRASE)
    restored = open_database(elsewhere, PASSPHRASE)
    with restored.read() as s:
        assert s.connection().exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 10
    restored.close()
    record("encryption", backup_restore="only with the passphrase")


def test_a_damaged_encrypted_file_is_still_recognised(encrypted):
    db, folder, _secrets, _result = encrypted
    db.close()
    data = db.path.read_bytes()
    db.path.write_bytes(data[: len(data) // 2])
    report = health.check_at_start(db.path, PASSPHRASE)
    assert report.status == health.DAMAGED and report.moved_to is not None
    assert report.backup is not None  # an encrypted backup, verified with the key


def test_the_command_line_encrypts_and_asks_for_the_passphrase(tmp_path):
    data = tmp_path / "data"
    assert cli(data, "demo").returncode == 0
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(PASSPHRASE + "\n", encoding="utf-8")
    bad.write_text("wrong passphrase\n", encoding="utf-8")
    done = cli(data, "--passphrase-file", str(good), "encrypt")
    assert done.returncode == 0 and "now encrypted" in done.stdout
    missing = cli(data, "list", "accounts")
    assert missing.returncode == 1 and "is encrypted" in missing.stderr
    wrong = cli(data, "--passphrase-file", str(bad), "list", "accounts")
    assert wrong.returncode == 1 and "does not open" in wrong.stderr
    assert "Traceback" not in missing.stderr + wrong.stderr
    listed = cli(data, "list", "accounts", env={"CALLBRIEF_PASSPHRASE": PASSPHRASE})
    assert "苏州恒远精密制造有限公司" in listed.stdout
    checked = cli(data, "--passphrase-file", str(good), "check", "--full")
    assert checked.returncode == 0, checked.stderr
    again = cli(data, "--passphrase-file", str(good), "encrypt")
    assert again.returncode == 0 and "already encrypted; nothing to do" in again.stdout
