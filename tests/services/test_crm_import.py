"""Importing accounts from CRM exports written the way Salesforce and Dynamics 365 write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from sqlalchemy import select

from desktop.services.crm_import import CrmImportService, parse_stage_map
from desktop.services.events import Origin
from desktop.store.models import Account, BuyingRole, Contact, Opportunity

# A Salesforce "Opportunities with Contact Roles" report exported as CSV: every cell quoted,
# CRLF line ends, UTF-8 with a byte-order mark, the account repeated on every contact line.
SALESFORCE_CSV = (
    '"Account Name","Opportunity Name","Stage","Amount","Close Date","Contact: Full Name",'
    '"Title","Email","Phone","Contact Role","Primary"\r\n'
    '"Acme GmbH","Acme Line 2","Proposal/Price Quote","120,000.00","6/30/2027","Anna Weber",'
    '"Head of Production","anna.weber@acme.example","+49 89 1234567","Decision Maker","1"\r\n'
    '"Acme GmbH","Acme Line 2","Proposal/Price Quote","120,000.00","6/30/2027","Jonas Richter",'
    '"IT Lead","j.richter@acme.example","+49 89 7654321","Technical Buyer","0"\r\n'
    '"Beta Ltd","Beta renewal","Closed Won","8,000.00","1/15/2027","Li Wei","Buyer",'
    '"li.wei@beta.example","","Influencer","1"\r\n'
)


def _service(services) -> CrmImportService:  # type: ignore[no-untyped-def]
    return CrmImportService(services.db, services.playbook, services.notifier)


def test_salesforce_report_preview_then_one_import(services, tmp_path: Path) -> None:
    services.accounts.create(name="Beta Ltd")  # already in the file: reused, not doubled
    src = tmp_path / "report.csv"
    src.write_bytes(b"\xef\xbb\xbf" + SALESFORCE_CSV.encode("utf-8"))
    heard = []
    services.notifier.subscribe(heard.append)

    plan = _service(services).preview(src, stage_map=parse_stage_map("Closed Won=F"))
    summary = plan.summary()
    assert summary["format"] == "salesforce"
    assert summary["stage_map"] == {"Closed Won": "F", "Proposal/Price Quote": "C"}
    assert [(a["name"], a["matched"]) for a in summary["accounts"]] == [
        ("Acme GmbH", False),
        ("Beta Ltd", True),
    ]
    with services.db.read() as s:
        assert s.scalars(select(Opportunity)).all() == []  # the preview wrote nothing

    _service(services).run(plan)
    with services.db.read() as s:
        assert sorted(a.name for a in s.scalars(select(Account))) == ["Acme GmbH", "Beta Ltd"]
        line2 = s.scalars(select(Opportunity).where(Opportunity.name == "Acme Line 2")).one()
        assert (line2.stage, line2.deal_amount, line2.expected_close) == (
            "C",
            120000,
            dt.date(2027, 6, 30),
        )
        renewal = s.scalars(select(Opportunity).where(Opportunity.name == "Beta renewal")).one()
        assert renewal.stage == "F"
        anna = s.scalars(select(Contact).where(Contact.name == "Anna Weber")).one()
        assert (anna.title, anna.email) == ("Head of Production", "anna.weber@acme.example")
        roles = {s.get(Contact, r.contact_id).name: r.roles for r in s.scalars(select(BuyingRole))}
        assert roles == {
            "Anna Weber": ["decision_maker"],
            "Jonas Richter": ["technical_expert"],
            "Li Wei": ["influencer"],
        }
    assert heard and all(c.initiator == Origin.IMPORT for c in heard)

    _service(services).run(_service(services).preview(src))  # again: nothing doubled
    with services.db.read() as s:
        assert len(s.scalars(select(Contact)).all()) == 3
        assert len(s.scalars(select(Opportunity)).all()) == 2


def test_dynamics_export_with_its_hidden_metadata_sheet(services, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "hiddenSheet"  # Dynamics keeps the entity name and row versions here
    hidden.append(["opportunity", "d2f1c0e0-0000-0000-0000-000000000001"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("Open Opportunities")
    data.append(["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum",
                 "(Do Not Modify) Modified On", "Topic", "Potential Customer",
                 "Est. Close Date", "Est. Revenue", "Pipeline Phase", "Contact"])  # fmt: skip
    data.append(["d2f1c0e0-0000-0000-0000-000000000001", "abc", dt.datetime(2026, 11, 2, 9, 0),
                 "Gamma pilot", "Gamma AG", dt.datetime(2027, 3, 31), 45000.0,
                 "Negotiation/Review", "Petra Klein"])  # fmt: skip
    src = tmp_path / "Open Opportunities 12-5-2026.xlsx"
    book.save(src)

    plan = _service(services).preview(src)
    assert plan.fmt == "dynamics"
    _service(services).run(plan)
    with services.db.read() as s:
        opp = s.scalars(select(Opportunity)).one()
        assert (opp.name, opp.stage, opp.deal_amount, opp.expected_close) == (
            "Gamma pilot",
            "D",
            45000,
            dt.date(2027, 3, 31),
        )
        assert s.get(Account, opp.account_id).name == "Gamma AG"
        assert s.scalars(select(Contact.name)).one() == "Petra Klein"


def test_cli_previews_with_dry_run_then_imports(tmp_path: Path) -> None:
    import json
    import sqlite3
    import subprocess
    import sys

    src = tmp_path / "report.csv"
    src.write_bytes(b"\xef\xbb\xbf" + SALESFORCE_CSV.encode("utf-8"))
    data = tmp_path / "data"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "desktop", "--data-dir", str(data), "import", "crm", *args]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)

    dry = cli(str(src), "--stage-map", "Closed Won=F", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    preview = json.loads(dry.stdout)
    assert preview["stage_map"]["Closed Won"] == "F"
    assert [a["name"] for a in preview["accounts"]] == ["Acme GmbH", "Beta Ltd"]

    bad = cli(str(src), "--stage-map", "Closed Won=Won")
    assert bad.returncode != 0 and "not a funnel stage" in bad.stderr

    done = cli(str(src), "--format", "salesforce")
    assert done.returncode == 0, done.stderr
    assert "Imported 2 accounts" in done.stdout
    files = list(data.glob("*.sqlite3")) or list(data.rglob("*.db"))
    with sqlite3.connect(files[0]) as con:
        names = sorted(r[0] for r in con.execute("SELECT name FROM opportunities"))
        stages = dict(con.execute("SELECT name, stage FROM opportunities"))
    assert names == ["Acme Line 2", "Beta renewal"]
    assert stages["Beta renewal"] == "E"  # Salesforce's Closed Won guessed as Closing


def test_any_spreadsheet_through_a_column_map_remembered_for_its_shape(
    services, tmp_path: Path
) -> None:
    import pytest

    from desktop.services.contact_formats import ImportFileError

    # A German Excel "CSV (Trennzeichen-getrennt)": semicolons, no quotes, CRLF.
    first = tmp_path / "kunden.csv"
    first.write_bytes(
        b"Firma;Projekt;Phase;Wert;Ansprechpartner\r\n"
        b"Delta KG;Delta Halle 3;Negotiation/Review;70000;Uwe Brandt\r\n"
    )
    with pytest.raises(ImportFileError, match="map its columns"):
        _service(services).preview(first)
    mapping = {"account": "Firma", "opportunity": "Projekt", "stage": "Phase",
               "amount": "Wert", "contact": "Ansprechpartner"}  # fmt: skip
    _service(services).run(_service(services).preview(first, mapping=mapping))

    # Next month's file: the same columns in another order; no map given, the shape is known.
    second = tmp_path / "kunden-2.csv"
    second.write_bytes(
        b"Ansprechpartner;Firma;Wert;Phase;Projekt\r\n"
        b"Eva Roth;Epsilon SE;5000;Prospecting;Epsilon Test\r\n"
    )
    plan = _service(services).preview(second)
    assert plan.fmt == "mapped"
    _service(services).run(plan)
    with services.db.read() as s:
        stages = dict(s.execute(select(Opportunity.name, Opportunity.stage)).all())
        people = set(s.scalars(select(Contact.name)))
    assert stages == {"Delta Halle 3": "D", "Epsilon Test": "A"}
    assert people == {"Uwe Brandt", "Eva Roth"}


def test_dynamics_contacts_export_puts_people_into_their_accounts_from_the_cli(
    services, tmp_path: Path
) -> None:
    import json
    import sqlite3
    import subprocess
    import sys

    from dynamics_files import dynamics_contacts_xlsx

    src = dynamics_contacts_xlsx(tmp_path / "My Active Contacts 12-5-2026.xlsx", [
        ("Petra Klein", "Gamma AG", "Head of Purchasing", "petra.klein@gamma.example",
         "+49 30 1234567", "+49 170 1234567"),
        ("张伟", "华东机械有限公司", "采购经理", "zhang.wei@huadong.example", "021-6234 5678", ""),
    ])  # fmt: skip
    data = tmp_path / "data"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "desktop", "--data-dir", str(data), "import", "crm", *args]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)

    dry = cli(str(src), "--format", "dynamics-contacts", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    preview = json.loads(dry.stdout)
    assert preview["format"] == "dynamics-contacts"
    assert {a["name"]: a["contacts"] for a in preview["accounts"]} == {
        "Gamma AG": ["Petra Klein"],
        "华东机械有限公司": ["张伟"],
    }
    done = cli(str(src))  # recognised without --format
    assert done.returncode == 0, done.stderr
    files = list(data.glob("*.sqlite3")) or list(data.rglob("*.db"))
    with sqlite3.connect(files[0]) as con:
        people = {r[0]: r[1:] for r in con.execute(
            "SELECT c.name, a.name, c.title, c.email, c.phone_office, c.phone_mobile "
            "FROM contacts c JOIN accounts a ON a.id = c.account_id")}  # fmt: skip
        assert con.execute("SELECT COUNT(*) FROM opportunities").fetchone()[0] == 0
    assert people["Petra Klein"][:3] == ("Gamma AG", "Head of Purchasing",
                                         "petra.klein@gamma.example")  # fmt: skip
    assert "1234567" in people["Petra Klein"][3] and "170" in people["Petra Klein"][4]
    assert people["张伟"][:3] == ("华东机械有限公司", "采购经理", "zhang.wei@huadong.example")
