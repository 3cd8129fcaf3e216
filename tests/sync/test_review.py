"""A manager reviews a rep's visit plan: comments on its steps and a "reviewed" mark.

Real laptops' data folders, the real team server and PostgreSQL, through the command line: ana
plans a visit in a shared account; mia, who manages ana's team, reads the account, comments on
two steps and marks the plan reviewed; bo, who may even write the account but manages no one,
is refused; ana's next sync brings the review to her laptop.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import UTC, datetime

import pytest
from laptops import open_laptop, small_account
from test_two_laptops import _ca_file, _cli, _join, _status

from desktop.export.brief import render_brief
from desktop.export.brief.labels import label

USERS = {"ana": "ana-secret-1", "bo": "bo-secret-22", "mia": "mia-secret-3"}


def _sync(folder, capsys) -> None:
    capsys.readouterr()
    assert _cli(folder, "sync", "--once") == 0
    capsys.readouterr()


def pdftext(path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout


def _visit_id(folder, visit_uid: str) -> int:
    """The laptop's own id for a visit plan, read with sqlite3 (ids differ between laptops)."""
    connection = sqlite3.connect(folder / "callbrief.sqlite3")
    try:
        return int(
            connection.execute("SELECT id FROM visits WHERE uid = ?", (visit_uid,)).fetchone()[0]
        )
    finally:
        connection.close()


@pytest.fixture
def planned(admin, team_server, ca, tmp_path, capsys):
    """ana's account with a visit plan, shared with bo (write) and read by mia, her manager."""
    for user, password in USERS.items():
        assert admin("add-user", user, password=password) == 0
    assert admin("add-team", "east", "--member", "ana", "--member", "bo", "--manager", "mia") == 0
    folders = {user: tmp_path / f"laptop-{user}" for user in USERS}
    ana = open_laptop(folders["ana"])
    account_id, _people = small_account(ana)
    opp = ana.opportunities.create(account_id, name="Grid monitoring", stage="B")
    visit = ana.visits.plan(opp.id, title="Steering committee")
    ana.close()
    ca_file = _ca_file(ca, tmp_path)
    for user, password in USERS.items():
        _join(folders[user], team_server, ca_file, user, password, tmp_path)
    assert _cli(folders["ana"], "team", "share", "--account", str(account_id), "--with", "bo") == 0
    for user in ("ana", "bo", "mia"):
        _sync(folders[user], capsys)
    assert _status(folders["mia"], capsys)["accounts"][0]["permission"] == "read"
    return folders, visit.uid, visit.id


def _brief_first_page_shows_the_review(folder, visit_id: int, tmp_path) -> None:
    """The brief, read back with pdftotext: the mark and both comments on page 1, each beside
    its step, in English and in Chinese."""
    laptop = open_laptop(folder)
    try:
        for lang, steps in (("en", ("Prepare", "Close")), ("zh", ("准备", "完成"))):
            pdf = tmp_path / f"brief-{lang}.pdf"
            render_brief(laptop, visit_id, pdf, lang=lang, paper="A4")
            page = pdftext(pdf, 1)
            assert label("review", lang) in page
            assert (
                label("reviewed_by", lang, name="mia", date=datetime.now(UTC).date().isoformat())
                in page
            )
            lines = page.splitlines()
            prepare = next(line for line in lines if "先确认预算负责人" in line)
            close = next(line for line in lines if "Ask for the pilot date." in line)
            assert prepare.startswith(steps[0]) and prepare.endswith("— mia")
            assert close.startswith(steps[1])
    finally:
        laptop.close()


def test_a_managers_comments_and_mark_reach_the_rep(planned, capsys, tmp_path):
    folders, visit_uid, ana_visit = planned
    mia_visit = str(_visit_id(folders["mia"], visit_uid))
    comment = ("review", "comment", "--visit", mia_visit)
    assert _cli(folders["mia"], *comment, "--step", "prepare", "先确认预算负责人") == 0
    assert _cli(folders["mia"], *comment, "--step", "close", "Ask for the pilot date.") == 0
    assert _cli(folders["mia"], "review", "mark", "--visit", mia_visit) == 0
    assert "Marked reviewed" in capsys.readouterr().out

    # bo may write the account but reviews no one's plan.
    bo_visit = str(_visit_id(folders["bo"], visit_uid))
    assert _cli(folders["bo"], "review", "comment", "--visit", bo_visit, "Looks fine") == 1
    assert "only a team manager" in capsys.readouterr().err
    assert _cli(folders["bo"], "review", "mark", "--visit", bo_visit) == 1

    # Before her sync ana has nothing; after it, the review is in her data file.
    capsys.readouterr()
    assert _cli(folders["ana"], "review", "show", "--visit", str(ana_visit)) == 0
    assert "No review yet." in capsys.readouterr().out
    _sync(folders["ana"], capsys)
    assert _cli(folders["ana"], "review", "show", "--visit", str(ana_visit), "--json") == 0
    review = json.loads(capsys.readouterr().out)
    assert review["reviewed_by"] == "mia"
    assert [(c["step"], c["text"], c["by"]) for c in review["comments"]] == [
        ("prepare", "先确认预算负责人", "mia"),
        ("close", "Ask for the pilot date.", "mia"),
    ]
    # Offline: the review is read from the data file, not the server.
    ana = open_laptop(folders["ana"])
    try:
        stored = ana.reviews.for_visit(ana_visit)
    finally:
        ana.close()
    assert stored.reviewed_by == "mia" and stored.on("prepare")[0].text == "先确认预算负责人"
    _brief_first_page_shows_the_review(folders["ana"], ana_visit, tmp_path)

    # The mark can be taken back; the comments stay.
    assert _cli(folders["mia"], "review", "mark", "--visit", mia_visit, "--undo") == 0
    _sync(folders["ana"], capsys)
    assert _cli(folders["ana"], "review", "show", "--visit", str(ana_visit)) == 0
    shown = capsys.readouterr().out
    assert "Reviewed by" not in shown and "[close] mia" in shown
