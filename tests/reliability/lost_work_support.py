"""A data folder to run commands on, the inputs they read, and how to look at the result.

Shared by the full-disk, read-only and concurrent-command checks: a template folder (the demo
account and one verified backup) made once per module, inputs outside it (a bundle of a new
account, a contacts CSV, a backup to restore), and readers that open the result afresh, as the
next command would, without changing it.
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

from desktop.store import backups, connect, health
from desktop.store.errors import PassphraseError

PASSPHRASE = "correct horse battery"
ENV_KEY = {"CALLBRIEF_PASSPHRASE": PASSPHRASE}
BAD_WORDS = ("Traceback", "internal error", "damaged", "Logging error")


def make_template(root: Path) -> tuple[Path, Path]:
    """(a data folder with the demo account and a backup, a folder of inputs)."""
    from desktop.export.bundle import export_bundle
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    data, inputs = root / "template", root / "inputs"
    inputs.mkdir(parents=True)
    db = open_database(data / "callbrief.sqlite3")
    load_demo(db)
    export_bundle(db, 1, inputs / "demo.json")
    db.close()
    made = backups.make_backup(data / "callbrief.sqlite3", "manual")
    shutil.copy(made.path, inputs / "restore-me.sqlite3")
    bundle_for(inputs / "demo.json", inputs / "new.json", "新客户 New Account")
    (inputs / "contacts.csv").write_text(
        "Name,Title,Email\n王 新,采购经理,wang.xin@example.com\n", encoding="utf-8"
    )
    return data, inputs


def bundle_for(template: Path, dest: Path, name: str) -> Path:
    """A bundle of a new account called ``name`` (its own uid), made from ``template``."""
    fresh: dict[str, str] = {}
    text = re.sub(  # every uid anew, each reference to it along
        r'"([0-9a-f]{32})"',
        lambda m: '"' + fresh.setdefault(m[1], uuid.uuid4().hex) + '"',
        template.read_text(encoding="utf-8"),
    )
    bundle = json.loads(text)
    bundle["account"]["name"] = name
    dest.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    return dest


def commands(inputs: Path, out: Path) -> dict[str, list[str]]:
    """Every command that writes something, by name, writing its outputs into ``out``."""
    return {
        "demo": ["demo"],
        "import bundle": ["import", "bundle", str(inputs / "new.json")],
        "import contacts": [
            "import",
            "contacts",
            str(inputs / "contacts.csv"),
            "--account",
            "1",
            "--yes",
        ],
        "backup": ["backup"],
        "backup --to": ["backup", "--to", str(out / "copy.sqlite3")],
        "encrypt": ["encrypt"],
        "restore": ["restore", str(inputs / "restore-me.sqlite3")],
        "export bundle": ["export", "bundle", "--account", "1", "-o", str(out / "a.json")],
        "export brief": ["export", "brief", "--visit", "1", "-o", str(out / "a.pdf")],
        "export ics": ["export", "ics", "--visit", "1", "-o", str(out / "a.ics")],
        "export contacts": ["export", "contacts", "--account", "1", "-o", str(out / "a.csv")],
        "export map": ["export", "map", "--opportunity", "1", "-o", str(out / "a.png")],
    }


READERS = {
    "list": ["list", "accounts"],
    "check": ["check", "--full"],
    "search": ["search", "Hengyuan"],
}


def state(data: Path) -> tuple[str, list[str], list[str]]:
    """(health status, account names, contact names) of the data file, read as the next
    command would read it (with the passphrase if it is encrypted), changing nothing."""
    db_path = data / "callbrief.sqlite3"
    key = PASSPHRASE if not connect.looks_plain(db_path) else None
    report = health.check_at_start(db_path, key, full=True, quarantine=False)
    if report.status != health.OK:
        return report.status, [], []
    try:
        con = connect.reader(db_path, key)
    except PassphraseError:
        return "passphrase", [], []
    try:
        accounts = [r[0] for r in con.execute("SELECT name FROM accounts ORDER BY id")]
        contacts = [r[0] for r in con.execute("SELECT name FROM contacts ORDER BY id")]
    finally:
        con.close()
    return report.status, accounts, contacts


def plain_words(stderr: str) -> bool:
    """A refusal a rep can read: no traceback, no internal error, no talk of damage."""
    return not any(word in stderr for word in BAD_WORDS)
