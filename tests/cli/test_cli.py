"""The headless commands, run as a rep would run them: a separate process per command."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, data: Path | None = None, env_home: Path | None = None):
    cmd = [sys.executable, "-m", "desktop"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    env = None
    if env_home is not None:
        import os

        env = {**os.environ, "CALLBRIEF_HOME": str(env_home)}
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, encoding="utf-8", timeout=120, env=env
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run("demo", data=folder)
    assert result.returncode == 0, result.stderr
    assert "苏州恒远精密制造有限公司" in result.stdout
    return folder


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "list", "search", "check", "export", "import"):
        assert command in result.stdout


def test_demo_visit_is_listed_as_json(demo_dir):
    result = run("list", "visits", "--json", data=demo_dir)
    assert result.returncode == 0, result.stderr
    visits = json.loads(result.stdout)
    assert len(visits) == 2
    for visit in visits:
        assert {"id", "name", "account_id", "opportunity_id", "starts_at"} <= set(visit)
    upcoming = [v for v in visits if v["status"] == "ready"]
    assert upcoming and upcoming[0]["starts_at"].endswith("T10:00")


def test_list_accounts_and_opportunities(demo_dir):
    accounts = json.loads(run("list", "accounts", "--json", data=demo_dir).stdout)
    assert [a["name"] for a in accounts] == ["苏州恒远精密制造有限公司"]
    opportunities = json.loads(run("list", "opportunities", "--json", data=demo_dir).stdout)
    assert {o["account_id"] for o in opportunities} == {accounts[0]["id"]}
    # The open deals; a handed-over one (100 %) may sit beside them.
    assert sorted(o["probability"] for o in opportunities if o["probability"] < 100) == [10, 50]


def test_search_finds_a_surname(demo_dir):
    hits = json.loads(run("search", "王", "--json", data=demo_dir).stdout)
    names = [h["name"] for h in hits]
    assert "王建国" in names and "王磊" in names
    assert all(h["kind"] == "contact" for h in hits[:2])


def test_environment_variable_chooses_the_data_dir(demo_dir):
    result = run("list", "accounts", "--json", env_home=demo_dir)
    assert json.loads(result.stdout)[0]["name"] == "苏州恒远精密制造有限公司"


def test_check_passes_on_a_sound_file(demo_dir):
    result = run("check", "--full", data=demo_dir)
    assert result.returncode == 0
    assert "full check ok" in result.stdout


def test_check_reports_a_broken_reference(tmp_path):
    assert run("demo", data=tmp_path).returncode == 0
    con = sqlite3.connect(tmp_path / "callbrief.sqlite3")
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("UPDATE contacts SET account_id = 999 WHERE id = 1")
    con.commit()
    con.close()
    result = run("check", data=tmp_path)
    assert result.returncode == 1
    assert "broken reference in contacts" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_newer_file_is_one_line_on_stderr(tmp_path):
    assert run("list", "accounts", data=tmp_path).returncode == 0
    con = sqlite3.connect(tmp_path / "callbrief.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    result = run("list", "accounts", data=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "newer version of Callbrief" in result.stderr


def test_usage_errors_exit_2_without_traceback(tmp_path):
    result = run("list", "elephants", data=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_export_of_a_missing_account_is_a_plain_error(demo_dir, tmp_path):
    result = run(
        "export", "bundle", "--account", "999", "-o", str(tmp_path / "x.json"), data=demo_dir
    )
    assert result.returncode == 1
    assert result.stderr.startswith("callbrief: ") and "999" in result.stderr
    assert "internal error" not in result.stderr
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "brief", "--visit", "999", "-o", "{out}/x.pdf"],
        ["export", "ics", "--visit", "999", "-o", "{out}/x.ics"],
        ["export", "map", "--opportunity", "999", "-o", "{out}/x.png"],
        ["export", "contacts", "--account", "999", "-o", "{out}/x.csv"],
        ["import", "contacts", "{out}/people.txt", "--account", "1"],
    ],
    ids=["brief", "ics", "map", "contacts", "import"],
)
def test_each_commands_bad_input_is_one_plain_line(demo_dir, tmp_path, command):
    (tmp_path / "people.txt").write_bytes(b"\x00\x01 a spreadsheet, not text")
    result = run(*[part.format(out=tmp_path) for part in command], data=demo_dir)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("callbrief: ")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("x.")]


def test_bundle_round_trip_through_the_command_line(demo_dir, tmp_path):
    bundle = tmp_path / "hengyuan.json"
    result = run("export", "bundle", "--account", "1", "-o", str(bundle), data=demo_dir)
    assert result.returncode == 0, result.stderr
    empty = tmp_path / "colleague"
    for _ in range(2):  # importing twice must not duplicate
        result = run("import", "bundle", str(bundle), data=empty)
        assert result.returncode == 0, result.stderr
    visits = json.loads(run("list", "visits", "--json", data=empty).stdout)
    original = json.loads(run("list", "visits", "--json", data=demo_dir).stdout)
    strip = lambda vs: sorted((v["name"], v["starts_at"], v["place"]) for v in vs)  # noqa: E731
    assert strip(visits) == strip(original)
    assert len(json.loads(run("list", "accounts", "--json", data=empty).stdout)) == 1


def test_a_bad_bundle_is_refused_with_its_location(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "callbrief-bundle", "version": 1, "account": {"name": 5}}')
    result = run("import", "bundle", str(bad), data=tmp_path / "d")
    assert result.returncode == 1
    assert "account" in result.stderr and "Traceback" not in result.stderr
    accounts = json.loads(run("list", "accounts", "--json", data=tmp_path / "d").stdout)
    assert accounts == []


def test_an_organisations_own_playbook_is_used(demo_dir, tmp_path):
    from desktop.domain.playbook import default_playbook_path

    text = default_playbook_path().read_text(encoding="utf-8")
    assert "probability = 50" in text
    own = tmp_path / "acme-playbook.toml"
    own.write_text(text.replace("probability = 50", "probability = 40"), encoding="utf-8")
    result = run("--playbook", str(own), "list", "opportunities", "--json", data=demo_dir)
    assert result.returncode == 0, result.stderr
    probabilities = [o["probability"] for o in json.loads(result.stdout)]
    assert sorted(p for p in probabilities if p < 100) == [10, 40]


def test_a_malformed_playbook_is_named_in_one_line(demo_dir, tmp_path):
    own = tmp_path / "broken.toml"
    own.write_text('[meta]\nid = "x"\nformat = 1\nversion = "1"\n', encoding="utf-8")
    result = run("--playbook", str(own), "list", "accounts", data=demo_dir)
    assert result.returncode == 1
    assert "broken.toml" in result.stderr and result.stderr.count("\n") == 1


def test_list_opportunities_with_value_weighted_value_and_stall_flags(demo_dir):
    result = run("list", "opportunities", "--json", data=demo_dir)
    assert result.returncode == 0, result.stderr
    deals = {o["stage"]: o for o in json.loads(result.stdout)}
    main = deals["C"]
    assert (main["amount"], main["currency"], main["probability"]) == (3_200_000, "CNY", 50)
    assert main["weighted_value"] == 1_600_000
    assert main["stalled"] is True
    [stall] = main["stalls"]
    assert stall["phase"] == "develop" and stall["next_action"] == "paid_study"
    assert stall["next_action_label"] == "Paid short study"
    assert main["overdue_next_steps"] == 1
    assert deals["A"]["weighted_value"] == 150_000
    # Every stall reason, by the rule the pipeline screen uses: the "maybe" and the overdue
    # step of the main deal (visited lately); deal A has not been visited in 30 days.
    assert [(r["code"], r["text"]) for r in main["stall_reasons"]] == [
        ("maybe", "Decision point “maybe”"),
        ("overdue", "1 overdue next steps"),
    ]
    assert main["stall_reasons"][0]["phases"] == ["develop"]
    assert deals["A"]["stalled"] is True
    assert deals["A"]["stall_reasons"] == [
        {"code": "no_visit", "days": 30, "text": "No visit in 30 days"}
    ]
    zh = json.loads(run("list", "opportunities", "--json", "--lang", "zh", data=demo_dir).stdout)
    assert {s["next_action_label"] for o in zh for s in o["stalls"]} == {"付费短期调研"}


def test_list_next_steps_and_only_the_overdue_ones(demo_dir):
    every = json.loads(run("list", "next-steps", "--json", data=demo_dir).stdout)
    assert all(step["done"] is False for step in every)
    assert {"id", "uid", "description", "owner", "due_date", "when", "account"} <= set(every[0])
    dates = [s["due_date"] for s in every if s["due_date"]]
    assert dates == sorted(dates)
    overdue = json.loads(run("list", "next-steps", "--overdue", "--json", data=demo_dir).stdout)
    assert [s["description"] for s in overdue] == ["把 ROI 测算表 (含同类工厂数据) 发给刘芳"]
    assert overdue[0]["when"] == "overdue" and overdue[0]["account"] == "苏州恒远精密制造有限公司"
    assert {s["when"] for s in every} >= {"overdue", "today"}
    plain = run("list", "next-steps", "--overdue", data=demo_dir)
    assert plain.returncode == 0 and "刘芳" in plain.stdout


def test_list_opportunities_counts_referrals_asked_and_received(tmp_path):
    """Issue 16 item 10: each deal's "1+2" referrals, asked and received, in the JSON list."""
    from desktop.domain.playbook import default_playbook
    from desktop.paths import DB_FILENAME
    from desktop.services import Services
    from desktop.store.database import open_database

    db = open_database(tmp_path / DB_FILENAME)
    try:
        services = Services.build(db, default_playbook())
        account = services.accounts.create(name="恒远精密")
        opp = services.opportunities.create(account.id, name="MES 一期", stage="F")
        services.referrals.ask(opp.id, "华丰电子")
        got = services.referrals.ask(opp.id, "Delta")
        services.referrals.link(got.id, services.accounts.create(name="Delta Tools").id)
        services.opportunities.create(account.id, name="二期", stage="A")
    finally:
        db.close()
    result = run("list", "opportunities", "--json", data=tmp_path)
    assert result.returncode == 0, result.stderr
    deals = {o["name"]: o for o in json.loads(result.stdout)}
    assert (deals["MES 一期"]["referrals_asked"], deals["MES 一期"]["referrals_received"]) == (2, 1)
    assert (deals["二期"]["referrals_asked"], deals["二期"]["referrals_received"]) == (0, 0)
