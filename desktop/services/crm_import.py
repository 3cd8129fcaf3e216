"""Bringing the accounts a rep already has: accounts, opportunities and contacts from a CRM export.

``CrmImportService.preview`` reads the file (crm_import_reading.py) and says what would be
created and what matched (accounts by name, case and surrounding blanks ignored; an existing
account is reused, as are its opportunities and contacts of the same name). ``run`` writes the
same plan in ONE transaction and, after it committed, announces every account it touched with
initiator ``Origin.IMPORT`` (or whoever asked, ``events.initiated_by``).

Stages map to the playbook's funnel through a mapping the rep confirms; ``default_stage_map``
guesses it from Salesforce's standard stage names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.store.models import Account, BuyingRole, Contact, Opportunity

from . import fields
from .base import Service
from .contact_formats import ImportFileError, norm
from .crm_import_reading import CrmRow, detect, guess_mapping, read_rows, read_sheet
from .events import Change, ChangeKind, Origin, current_initiator

# Salesforce's standard opportunity stages -> the playbook's funnel (A-F).
SALESFORCE_STAGES = {
    "prospecting": "A",
    "qualification": "A",
    "needs analysis": "B",
    "value proposition": "B",
    "id. decision makers": "B",
    "perception analysis": "C",
    "proposal/price quote": "C",
    "negotiation/review": "D",
    "closed won": "E",
    "closed lost": "A",
}
# A Salesforce contact role -> playbook role keys.
ROLES = {
    "decision maker": "decision_maker",
    "economic buyer": "decision_maker",
    "executive sponsor": "decision_maker",
    "technical buyer": "technical_expert",
    "evaluator": "technical_expert",
    "business user": "user",
    "influencer": "influencer",
}


def default_stage_map(stages: list[str], funnel: tuple[str, ...]) -> dict[str, str]:
    """A first guess for each stage name in the file: Salesforce's names, a funnel key as it
    is, else the first stage (the rep confirms or changes it)."""
    out: dict[str, str] = {}
    for stage in stages:
        key = stage.strip()
        guess = SALESFORCE_STAGES.get(key.lower())
        out[stage] = guess or (key.upper() if key.upper() in funnel else funnel[0])
    return out


def parse_stage_map(text: str) -> dict[str, str]:
    """``"Closed Won=E,Prospecting=A"`` -> {"Closed Won": "E", "Prospecting": "A"}."""
    out: dict[str, str] = {}
    for part in text.split(","):
        if "=" in part:
            name, key = part.rsplit("=", 1)
            out[name.strip()] = key.strip()
    return out


def shape_key(header: list[str]) -> str:
    """The name a column map is remembered under: the file's set of column names, so the same
    export with its columns in another order finds it again."""
    digest = hashlib.sha1("\x1f".join(sorted(norm(h) for h in header)).encode("utf-8"))
    return "crm-map:" + digest.hexdigest()


@dataclass
class Shape:
    """A file's columns before anything is planned: the export it was recognised as (None for
    any other spreadsheet) and the column map to offer (remembered for this shape, else
    guessed from the column names)."""

    header: list[str]
    fmt: str | None
    mapping: dict[str, str]


@dataclass
class Plan:
    """What an import would do, for the preview and for the writer."""

    fmt: str
    stage_map: dict[str, str]
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> plan
    problems: list[str] = field(default_factory=list)
    # The rep's column map and the shape it is for: remembered once the import is done.
    column_map: dict[str, str] | None = None
    shape: str = ""

    def blocking(self) -> list[str]:
        """The problems that stop the import (a stage mapped to no funnel stage)."""
        return [p for p in self.problems if "not a funnel stage" in p]

    def summary(self) -> dict[str, Any]:
        return {
            "format": self.fmt,
            "stage_map": self.stage_map,
            "accounts": [
                {
                    "name": name,
                    "matched": a["id"] is not None,
                    "opportunities": sorted(a["opportunities"]),
                    "contacts": sorted(a["contacts"]),
                }
                for name, a in self.accounts.items()
            ],
            "problems": self.problems,
        }


class CrmImportService(Service):
    def shape(self, path: Path) -> Shape:
        """The file's columns, the export recognised and the column map to offer; nothing is
        written. ImportFileError when the file cannot be read at all."""
        from .settings import RememberedValues

        header, _rows = read_sheet(path)
        fmt = detect(header)
        stored = RememberedValues(self.db, self.playbook, self.notifier).recall(shape_key(header))
        mapping = {k: v for k, v in json.loads(stored).items() if v in header} if stored else {}
        return Shape(header, fmt, mapping or guess_mapping(header))

    def preview(
        self,
        path: Path,
        fmt: str | None = None,
        stage_map: dict[str, str] | None = None,
        mapping: dict[str, str] | None = None,
    ) -> Plan:
        """Read ``path`` and plan the import; nothing is written. ImportFileError when the
        file cannot be read at all."""
        mapping = self._column_map(path, fmt, mapping)
        fmt, header, rows = read_rows(path, fmt, mapping)
        funnel = self.playbook.keys("funnel_stages")
        stages = sorted({r.values.get("stage", "") for r in rows if r.values.get("stage")})
        chosen = default_stage_map(stages, funnel)
        chosen.update({k: v for k, v in (stage_map or {}).items() if k in chosen})
        plan = Plan(fmt, chosen, column_map=mapping, shape=shape_key(header))
        for stage, key in chosen.items():
            if key not in funnel:
                plan.problems.append(
                    f"stage {stage!r} maps to {key!r}, which is not a funnel stage "
                    f"({', '.join(funnel)})"
                )
        with self.db.read() as session:
            existing = {a.name.strip().casefold(): a.id for a in session.scalars(select(Account))}
        for row in rows:
            self._plan_row(plan, row, existing)
        return plan

    def _column_map(
        self, path: Path, fmt: str | None, mapping: dict[str, str] | None
    ) -> dict[str, str] | None:
        """The column map to use: the one given, else the one remembered for this header set
        when the file is no known export. A map is remembered by ``run``, once the rep
        imported with it, not by a preview they may still change or cancel."""
        from .settings import RememberedValues

        header, _rows = read_sheet(path)
        if mapping:
            missing = [c for c in mapping.values() if c not in header]
            if missing:
                raise ImportFileError(f"{path.name} has no column {missing[0]!r}")
            return mapping
        if fmt is None and detect(header) is None:
            stored = RememberedValues(self.db, self.playbook, self.notifier).recall(
                shape_key(header)
            )
            if stored:
                return dict(json.loads(stored))
        return None

    @staticmethod
    def _plan_row(plan: Plan, row: CrmRow, existing: dict[str, int]) -> None:
        v = row.values
        name = v.get("account", "").strip()
        if not name:
            plan.problems.append(f"line {row.line}: no account name; the line is left out")
            return
        account = plan.accounts.setdefault(
            name,
            {"id": existing.get(name.casefold()), "opportunities": {}, "contacts": {}},
        )
        opportunity = v.get("opportunity", "").strip()
        if opportunity and opportunity not in account["opportunities"]:
            account["opportunities"][opportunity] = {
                "stage": plan.stage_map.get(v.get("stage", ""), "A"),
                "deal_amount": v.get("amount") or None,
                "expected_close": v.get("close") or None,
                "roles": {},
            }
        contact = v.get("contact", "").strip()
        if contact:
            account["contacts"].setdefault(
                contact,
                {"title": v.get("title", ""), "email": v.get("email", ""),
                 "phone_office": v.get("phone", ""), "phone_mobile": v.get("mobile", "")},
            )  # fmt: skip
            role = ROLES.get(v.get("role", "").strip().lower())
            if opportunity:
                roles = account["opportunities"][opportunity]["roles"]
                roles.setdefault(contact, [])
                if role and role not in roles[contact]:
                    roles[contact].append(role)

    def run(self, plan: Plan) -> list[int]:
        """Write ``plan`` in one transaction; the ids of the accounts touched. A
        ValidationError (nothing written) when a value cannot be stored."""
        if plan.blocking():
            raise ValueError("; ".join(plan.blocking()))
        touched: list[int] = []
        with self.db.write() as session:
            for name, a in plan.accounts.items():
                account = session.get(Account, a["id"]) if a["id"] is not None else None
                if account is None:
                    values = fields.clean(Account, fields.ACCOUNT, {"name": name}, self.playbook)
                    account = Account(**values)
                    session.add(account)
                    session.flush()
                touched.append(account.id)
                contacts = {
                    c.name: c
                    for c in session.scalars(
                        select(Contact).where(Contact.account_id == account.id)
                    )
                }
                for cname, cvalues in a["contacts"].items():
                    if cname not in contacts:
                        clean = fields.clean(
                            Contact, fields.CONTACT, {"name": cname, **cvalues}, self.playbook
                        )
                        contacts[cname] = Contact(account_id=account.id, **clean)
                        session.add(contacts[cname])
                session.flush()
                opps = {
                    o.name: o
                    for o in session.scalars(
                        select(Opportunity).where(Opportunity.account_id == account.id)
                    )
                }
                for oname, ovalues in a["opportunities"].items():
                    roles = ovalues["roles"]
                    given = {k: v for k, v in ovalues.items() if k != "roles"}
                    clean = fields.clean(
                        Opportunity, fields.OPPORTUNITY, {"name": oname, **given}, self.playbook
                    )
                    opp = opps.get(oname)
                    if opp is None:
                        opp = Opportunity(account_id=account.id, **clean)
                        session.add(opp)
                        session.flush()
                    have = set(
                        session.scalars(
                            select(BuyingRole.contact_id).where(BuyingRole.opportunity_id == opp.id)
                        )
                    )
                    for cname, keys in roles.items():
                        if contacts[cname].id in have:
                            continue  # already in this deal's circle: kept as the rep left it
                        session.add(
                            BuyingRole(
                                opportunity_id=opp.id, contact_id=contacts[cname].id, roles=keys
                            )
                        )
        if plan.column_map:  # the map the rep confirmed, for the next file of this shape
            from .settings import RememberedValues

            RememberedValues(self.db, self.playbook, self.notifier).remember(
                plan.shape, json.dumps(plan.column_map, ensure_ascii=False)
            )
        initiator = current_initiator() or Origin.IMPORT
        for account_id in touched:
            self.notifier.publish(
                Change(ChangeKind.ACCOUNT, frozenset({account_id}), account_id, initiator=initiator)
            )
        return touched
