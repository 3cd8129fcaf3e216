"""Kill edit sessions at random moments and check that nothing acknowledged is lost.

A *zygote* process imports the services once (no Qt), then forks one child per session, so a
child starts in milliseconds. Each child opens the data file, makes random edits through the
services — the same calls the forms' save functions make — and after each call returns writes
one acknowledgement line to stdout: that is the moment the window reports the edit as saved
(FormBinder emits ``saved`` and the status bar says "All changes saved" once the service call
has returned, i.e. after COMMIT with synchronous=FULL). The parent kills the child with SIGKILL
after a random delay, then opens the file and checks: ``PRAGMA integrity_check`` is ok, every
acknowledged creation is there, every acknowledged deletion is gone, and every acknowledged
field holds that value or a later one (a later edit may have committed just before the kill,
before its acknowledgement was written).

Run directly (``python tests/reliability/crash_harness.py zygote DB``) only by the parent.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Fields the children edit: (table, service, field). Values are "<session>-<op>" with zero
# padding, so a later edit's value sorts after an earlier one's.
EDITED = (
    ("accounts", "accounts", "notes"),
    ("contacts", "contacts", "title"),
    ("opportunities", "opportunities", "pains"),
)


# --- child side ----------------------------------------------------------------------------


def _ack(*parts: object) -> None:
    # One write() per line: a line is either wholly in the pipe or not at all.
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode())


def _session(db_path: Path, session: int, seed: int, max_ops: int) -> None:
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    rng = random.Random(seed)
    services = Services.build(open_database(db_path), default_playbook())
    _ack("READY")
    ids: dict[str, list[int]] = {}
    with services.db.read() as s:
        for table, _service, _field in EDITED:
            ids[table] = [r[0] for r in s.connection().exec_driver_sql(f"SELECT id FROM {table}")]
    own_contacts: list[tuple[int, str]] = []
    account_id = ids["accounts"][0]
    for op in range(max_ops):
        tag = f"{session:06d}-{op:04d}"
        roll = rng.random()
        if roll < 0.15:
            _ack("I", "C", "accounts", f"acct {tag}")
            account = services.accounts.create(name=f"acct {tag}", city="苏州")
            ids["accounts"].append(account.id)
            _ack("C", "accounts", account.id, account.name)
        elif roll < 0.30:
            _ack("I", "C", "contacts", f"张 {tag}")
            contact = services.contacts.create(
                account_id, name=f"张 {tag}", phone_mobile=f"+86 138 {op:04d} {session % 10000:04d}"
            )
            ids["contacts"].append(contact.id)
            own_contacts.append((contact.id, contact.name))
            _ack("C", "contacts", contact.id, contact.name)
        elif roll < 0.37 and own_contacts:
            cid, name = own_contacts.pop(rng.randrange(len(own_contacts)))
            ids["contacts"].remove(cid)
            _ack("I", "D", "contacts", cid, name)
            services.contacts.delete(cid)
            _ack("D", "contacts", cid, name)
        else:
            table, service, name = rng.choice(EDITED)
            target = rng.choice(ids[table])
            _ack("I", "U", table, target, name, tag)
            getattr(services, service).update(target, **{name: tag})
            _ack("U", table, target, name, tag)
    services.db.close()


def _upgrade(db_path: Path, migrations: Path, revisions: str) -> None:
    """Open ``db_path`` with a test-only list of migrations (see test_upgrade_paths.py)."""
    from desktop.store import migrate
    from desktop.store.database import open_database

    migrate.MIGRATIONS_DIR = migrations
    migrate.KNOWN_REVISIONS = tuple(revisions.split(","))
    migrate.HEAD_REVISION = migrate.KNOWN_REVISIONS[-1]
    _ack("READY")
    open_database(db_path).close()


def zygote(db_path: Path) -> None:
    """Fork a child per job line on stdin; report "EXIT pid status" when it ends.

    Jobs: "run SESSION SEED OPS" (an edit session on ``db_path``) and
    "upgrade PATH MIGRATIONS_DIR REV,REV,…" (open PATH with those migrations).
    """
    sys.path.insert(0, str(ROOT))
    import alembic.command  # noqa: F401 - imported once here, inherited by every child

    import desktop.services  # noqa: F401
    import desktop.store.database  # noqa: F401
    from desktop.domain.playbook import default_playbook
    from desktop.store.models import Base

    default_playbook()
    assert Base.metadata.tables
    # Warm up (mapper configuration, compiled statements) on a scratch file, so each child
    # starts ready to work instead of spending its life on first-use set-up.
    import tempfile

    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "warm.sqlite3"
        db = open_database(scratch)
        load_demo(db)
        db.close()
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1)
        os.dup2(devnull, 1)  # the warm-up session's acknowledgements go nowhere
        try:
            _session(scratch, 0, 0, 40)
        finally:
            os.dup2(saved, 1)
            os.close(devnull)
            os.close(saved)
    _ack("ZYGOTE")
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        pid = os.fork()
        if pid == 0:
            try:
                _ack("START", os.getpid())
                if words[0] == "upgrade":
                    _upgrade(Path(words[1]), Path(words[2]), words[3])
                else:
                    _session(db_path, *(int(w) for w in words[1:4]))
                _ack("DONE")
                os._exit(0)
            except BaseException as exc:  # reported to the parent as a failure
                _ack("ERROR", type(exc).__name__, str(exc).replace("\n", " "))
                os._exit(1)
        _pid, status = os.waitpid(pid, 0)
        _ack("EXIT", pid, status)


# --- parent side ---------------------------------------------------------------------------


@dataclass
class Expectations:
    created: dict[tuple[str, int], str] = field(default_factory=dict)  # (table, id) -> name
    deleted: dict[str, str] = field(default_factory=dict)  # name -> table
    values: dict[tuple[str, int, str], str] = field(default_factory=dict)  # last acked value

    def forget(self, table: str, ident: int) -> None:
        self.created.pop((table, ident), None)
        for key in [k for k in self.values if k[:2] == (table, ident)]:
            del self.values[key]


@dataclass
class Tally:
    kills: int = 0
    finished: int = 0  # sessions that ended before their kill came
    acknowledged: int = 0  # edits reported saved, all of which were checked
    in_flight: int = 0  # kills that came while a service call was running
    in_flight_committed: int = 0  # … whose edit had committed (kept, though never reported)
    integrity_ok: int = 0
    lost: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class CrashHarness:
    def __init__(self, db_path: Path, seed: int = 0, max_delay: float = 0.15) -> None:
        self.db_path = db_path
        self.rng = random.Random(seed)
        self.max_delay = max_delay
        self.expect = Expectations()
        self.tally = Tally()
        self.session = 0
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "zygote", str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            bufsize=0,
        )
        assert self._line() == "ZYGOTE"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        raw = self.proc.stdout.readline()
        if not raw:
            raise RuntimeError("the zygote died")
        return raw.decode().rstrip("\n")

    def close(self) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(b"quit\n")
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        self.proc.wait(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()

    def __enter__(self) -> CrashHarness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run_job(self, job: str, delay: float) -> tuple[list[str], bool]:
        """Run ``job`` in a fresh child, SIGKILL it after ``delay`` seconds; (lines, killed)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{job}\n".encode())
        start = self._line()
        assert start.startswith("START"), start
        lines: list[str] = []
        deadline = time.monotonic() + delay
        assert self.proc.stdout is not None
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self.proc.stdout], [], [], left)[0]:
                lines.append(self._line())
                if lines[-1].startswith("EXIT"):
                    break
        if lines and lines[-1].startswith("EXIT"):
            line = lines.pop()
        else:
            try:
                os.kill(int(start.split()[1]), signal.SIGKILL)
            except ProcessLookupError:
                pass
            while not (line := self._line()).startswith("EXIT"):
                lines.append(line)
        status = int(line.split()[2])
        return lines, os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    def run_one(self) -> None:
        """One session, killed at a random moment, then checked.

        The moment is drawn in terms of progress, not time, so it lands in the middle of the
        work on a slow machine as on a fast one: after 0–6 acknowledged edits (0: possibly
        while the file is still being opened), plus 0–5 ms.
        """
        self.session += 1
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"run {self.session} {self.rng.randrange(1 << 30)} 400\n".encode())
        start = self._line()
        assert start.startswith("START"), start
        pid = int(start.split()[1])
        lines: list[str] = []
        wanted = self.rng.randrange(7)
        while sum(w.split(" ", 1)[0] in ("C", "D", "U") for w in lines) < wanted:
            lines.append(self._line())
            if lines[-1].startswith(("ERROR", "EXIT", "DONE")):
                break
        time.sleep(self.rng.uniform(0, 0.005))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not (lines and lines[-1].startswith("EXIT")):
            while not (line := self._line()).startswith("EXIT"):
                lines.append(line)
        else:
            line = lines.pop()
        status = int(line.split()[2])
        if lines and lines[-1] == "DONE":
            self.tally.finished += 1
        elif os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            self.tally.kills += 1
        pending: list[str] | None = None
        for line in lines:
            words = line.split(" ")
            if words[0] == "ERROR":
                self.tally.errors.append(line)
            elif words[0] == "I":
                pending = words[1:]
            elif words[0] in ("C", "D", "U"):
                self._record(words)
                self.tally.acknowledged += 1
                pending = None
        # Every other check reads as the start-up check does (read-only where SQLite allows it),
        # which often leaves the WAL as the kill left it: the next child then opens a file that
        # needs recovery, as after a crash.
        if self.session % 2:
            from desktop.store.connect import reader

            con = reader(self.db_path)
        else:
            con = sqlite3.connect(self.db_path)
        try:
            if pending is not None:
                self.tally.in_flight += 1
                self._resolve(con, pending)
            self._verify(con)
        finally:
            con.close()

    def _record(self, words: list[str]) -> None:
        table = words[1]
        if words[0] == "C":
            self.expect.created[(table, int(words[2]))] = " ".join(words[3:])
        elif words[0] == "D":
            self.expect.forget(table, int(words[2]))
            self.expect.deleted[" ".join(words[3:])] = table
        else:
            self.expect.values[(table, int(words[2]), words[3])] = words[4]

    def _resolve(self, con: sqlite3.Connection, intent: list[str]) -> None:
        """An edit was running when the kill came: it either committed whole or not at all.
        Whichever it was becomes what later checks expect."""
        op, table = intent[0], intent[1]
        if op == "C":
            name = " ".join(intent[2:])
            rows = con.execute(f"SELECT id FROM {table} WHERE name = ?", (name,)).fetchall()
            if len(rows) > 1:
                self.tally.lost.append(f"{name!r} created {len(rows)} times")
            if rows:
                self.tally.in_flight_committed += 1
                self._record(["C", table, str(rows[0][0]), name])
        elif op == "D":
            name = " ".join(intent[3:])
            if not con.execute(f"SELECT 1 FROM {table} WHERE name = ?", (name,)).fetchone():
                self.tally.in_flight_committed += 1
                self._record(["D", table, intent[2], name])
        else:
            ident, column, value = int(intent[2]), intent[3], intent[4]
            row = con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (ident,)).fetchone()
            if row is not None and row[0] == value:
                self.tally.in_flight_committed += 1
                self._record(["U", table, str(ident), column, value])

    def _verify(self, con: sqlite3.Connection) -> None:
        result = con.execute("PRAGMA integrity_check").fetchall()
        if result == [("ok",)]:
            self.tally.integrity_ok += 1
        else:
            self.tally.lost.append(f"session {self.session}: integrity {result[:3]}")
        for (table, ident), name in self.expect.created.items():
            row = con.execute(f"SELECT name FROM {table} WHERE id = ?", (ident,)).fetchone()
            if row is None or row[0] != name:
                self.tally.lost.append(f"{table} {ident} {name!r} missing (found {row})")
        for name, table in self.expect.deleted.items():
            if con.execute(f"SELECT 1 FROM {table} WHERE name = ?", (name,)).fetchone():
                self.tally.lost.append(f"deleted {table} {name!r} came back")
        for (table, ident, column), value in self.expect.values.items():
            row = con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (ident,)).fetchone()
            if row is None or row[0] != value:
                self.tally.lost.append(f"{table} {ident}.{column} is {row}, saved was {value}")


def prepare(db_path: Path) -> None:
    """A data file with the demo account (the children edit it and add to it)."""
    sys.path.insert(0, str(ROOT))
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    db = open_database(db_path)
    load_demo(db)
    db.close()


def run_kills(db_path: Path, count: int, seed: int = 0) -> Tally:
    prepare(db_path)
    with CrashHarness(db_path, seed) as harness:
        while harness.tally.kills < count:
            harness.run_one()
    return harness.tally


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote(Path(sys.argv[2]))
