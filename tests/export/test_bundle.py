"""The account bundle: export, import into another file, and refuse every kind of bad file.

The comparison is generic: every column of every table is read through table introspection, and
integer keys are compared through what they identify (a uid, or a parent's uid and a position),
so a new column is checked without touching this file.
"""

from __future__ import annotations

import copy
import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select, text

import desktop
from desktop.export.bundle import (
    FORMAT,
    LAYOUT,
    VERSION,
    BundleExportError,
    bundle_dict,
    export_bundle,
    schema_path,
)
from desktop.services import bundle_import
from desktop.services.bundle_import import BundleError, import_bundle
from desktop.store import search_index
from desktop.store.database import Database, open_database
from desktop.store.models import (
    Account,
    Attendee,
    Base,
    BuyingRole,
    Competitor,
    Concession,
    Contact,
    ContactDetail,
    DecisionPoint,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    OutsideInfluencer,
    PlannedQuestion,
    Referral,
    StageTaskCheck,
    Visit,
)

RICH_UID = "a" * 32
# Every table of an account's tree; not the file's settings nor the team sync's own bookkeeping
# (a shared account's document and its unsent updates travel to the server, never in a bundle).
NOT_IN_BUNDLES = {"settings", "sync_documents", "sync_pending", "sync_lost_values"}
TABLES: list[Table] = [t for t in Base.metadata.sorted_tables if t.name not in NOT_IN_BUNDLES]
# The nesting, not references: the key each table hangs off its parent by.
PARENT_KEYS = {node.table_name: node.parent_fk for node in LAYOUT.walk() if node.parent_fk}


def t(day: int, hour: int = 9, micro: int = 0) -> datetime:
    return datetime(2025, 5, day, hour, 15, 30, micro)


def build_rich(db: Database) -> int:
    """An account with every model and every column set to something other than its default."""
    with db.write() as s:
        # Ids far from 1, and a manager whose id is lower than their boss's, so that nothing
        # works by accident when the other file numbers its rows from 1.
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        account = Account(
            id=7,
            uid=RICH_UID,
            name="华东精密机械有限公司",
            alt_name="East China Precision Machinery Co., Ltd.",
            industry="机械制造 Machinery",
            city="苏州 Suzhou",
            address="江苏省苏州市工业园区星湖街 328 号\n328 Xinghu Street, SIP",
            website="https://hdjm.example.cn",
            headcount=1200,
            annual_revenue=850_000_000,
            currency="USD",
            main_business="数控机床零部件 / CNC machine parts",
            industry_position="华东第二 — number two in East China",
            org_structure="总经办 → 生产 / IT / 采购",
            history="1998 年成立; founded 1998",
            past_cooperation="2019 年试用过我们的 MES; trial in 2019",
            opinion_of_us="“技术好, 价格高” — good tech, pricey",
            category_spend=3_500_000,
            buying_behaviour="trusted_supplier",
            customer_type="partnership",
            pyramid_tier="key",
            buying_cycle_stage="evaluation",
            cvm_phase="implement",
            seg_status="A",
            seg_profit_tier="2",
            seg_recognition="E",
            seg_pain="1",
            segment_code="E1A2",
            notes="Emoji too: 🚀 and a tab\there",
            created_at=t(1, micro=123456),
            updated_at=t(2, micro=654321),
        )
        s.add(account)
        people = [  # (id, uid, name, boss id): a four-level reporting line
            (503, "c" * 31 + "1", "王建国", None),
            (502, "c" * 31 + "2", "Liu Fang 刘芳", 503),
            (501, "c" * 31 + "3", "王磊", 502),
            (504, "c" * 31 + "4", "Sun Hao", 501),
        ]
        for n, (cid, uid, name, boss) in enumerate(people):
            s.add(
                Contact(
                    id=cid,
                    uid=uid,
                    account_id=7,
                    name=name,
                    alt_name=f"alt {name}",
                    name_prefix=f"Dr. {n}",
                    name_suffix=f"PhD {n}",
                    title=f"总监 Director {n}",
                    department="生产运营部 Operations",
                    reports_to_id=boss,
                    phone_office=f"0512-6666-000{n}",
                    phone_mobile=f"138-0013-800{n}",
                    email=f"p{n}@hdjm.example.cn",
                    wechat=f"wx_{n}",
                    communication_style="analyzing",
                    decision_style="rational",
                    background="工程师出身; engineer by training",
                    priorities=["results", "price"],
                    business_needs=["cut_cost"],
                    personal_needs=["prestige", "job_security"],
                    needs_notes="想升职 / wants promotion",
                    relationship_notes="爱打羽毛球",
                    last_contact=date(2025, 4, 20 + n),
                    map_x=120.5 + n,
                    map_y=-40.25,
                    created_at=t(3, micro=n),
                    updated_at=t(4, hour=10 + n),
                    details=[
                        ContactDetail(
                            uid=f"{n}" * 31 + "d",
                            kind="email",
                            type="home",
                            value=f"p{n}@163.com",
                            position=0,
                        ),
                        ContactDetail(
                            kind="address",
                            type="work",
                            value="苏州工业园区星湖街 328 号\nSuzhou",
                            preferred=True,
                            position=1,
                        ),
                    ],
                )
            )
        c = {cid: cid for cid, *_ in people}
        opportunity = Opportunity(
            uid="o" * 31 + "1",
            account_id=7,
            name="二期 MES 扩展 / MES phase 2",
            stage="C",
            probability_override=65,
            budget_exists=True,
            budget_amount=3_800_000,
            budget_currency="EUR",
            budget_source="数字化专项 digital fund",
            budget_confirmed_by="刘芳 (CFO)",
            purchase_timeline="年底前 before year end",
            expected_close=date(2025, 12, 15),
            is_tender=True,
            lead_department="生产运营部",
            deciding_department="项目委员会 committee",
            decision_process="committee",
            decision_steps=["立项", "technical review", "招标"],
            pains="OEE 58%, manual Excel",
            qualification={
                "budget": {"answer": "yes", "note": "380 万"},
                "timeline": {"answer": "unknown", "note": ""},
            },
            risk_notes="IT 反对 / IT against",
            our_strengths="POC 数据",
            our_weaknesses="price",
            deal_amount=2_900_000,
            deal_currency="EUR",
            cvm_phase="develop",
            buying_cycle_stage="evaluation",
            negotiation_phase="compromise",
            payment_terms="签约首付 20%, 三天内付清",
            walk_away="不低于 250 万 / not below 2.5M",
            competitor_moves="Kessler 降价 15%",
            countermeasure="算三年总账 TCO",
            concessions=[
                Concession(direction="given", text="多送 2 天培训", position=0),
                Concession(direction="received", text="标杆客户 reference", position=1),
            ],
            referrals=[
                Referral(name="华丰电子", note="王经理的老同学", account_uid="f" * 32, position=0),
                Referral(name="Delta Tools", position=1),
            ],
            outside_influencers=[
                OutsideInfluencer(
                    side="other", name="赵工", organisation="设计院", contact_uid="e" * 32
                ),
                OutsideInfluencer(
                    side="ours", name="Lena Wu", title="解决方案专家", note="同行评审", position=1
                ),
            ],
            created_at=t(5),
            updated_at=t(6),
            roles=[
                BuyingRole(
                    contact_id=c[503],
                    roles=["decision_maker"],
                    attitude="neutral",
                    influence="high",
                    notes="签字人 signs",
                ),
                BuyingRole(
                    contact_id=c[501],
                    roles=["user", "coach"],
                    attitude="supporter",
                    coach_rung="informs",
                    coach_seniority="middle",
                    trust_methods=["courtesy", "testimonials"],
                    coach_next="问评分表权重 / ask for the scoring weights",
                ),
            ],
            competitors=[
                Competitor(
                    position=1,
                    name="Kessler 凯斯勒",
                    strengths="brand",
                    weaknesses="慢 slow",
                    has_insider=True,
                    insider_level="IT 总监",
                    our_strengths="local team",
                    our_weaknesses="brand",
                    strategy="强调交付 stress delivery",
                ),
                Competitor(position=0, name="杭州数衡", has_insider=False),
            ],
        )
        needs = [
            Need(
                id=902,
                contact_id=c[501],
                description="夜班停机看不见 / night-shift downtime is invisible",
                scope="personal",
                clarity="explicit",
                category="recognition",
                position=0,
            ),
            Need(id=901, contact_id=c[503], description="追溯 traceability", position=1),
        ]
        visit = Visit(
            uid="v" * 31 + "1",
            title="POC 汇报 / POC review",
            starts_at=datetime(2025, 6, 3, 14, 30),
            timezone="Asia/Shanghai",
            duration_min=90,
            place="客户会议室 3F",
            status="done",
            research_notes="r",
            objective="获得方案论证会 / get a solution review",
            best_commitment="best",
            min_commitment="min",
            info_needed="设备清单",
            logistics="带投影仪",
            vs_who="王磊",
            vs_what="OEE",
            vs_why="58%",
            value_statement="我们帮助…",
            reference="常州客户",
            consult_notes="SPIN",
            next_action="deeper_meeting",
            next_action_detail="两周内汇报",
            close_technique="summary",
            close_plan="总结后直接问",
            checklist={"prepare": ["research_customer"], "open": []},
            quick_notes="“58% 我信”",
            report_outcome="达成",
            report_commitment="best",
            report_commitment_notes="孙浩提供清单",
            report_stage_before="B",
            report_stage_after="C",
            report_completed_at=datetime(2025, 6, 3, 8, 45, 1, 5),
            created_at=t(7),
            updated_at=t(8),
            attendees=[
                Attendee(contact_id=c[501], meeting_role="主持 chairs", position=0),
                Attendee(name="李工 Engineer Li", meeting_role="演示 demo", position=1),
                Attendee(contact_id=c[503], position=2),
            ],
            questions=[
                PlannedQuestion(
                    framework="spin",
                    step="implication",
                    text="停机对交期有什么影响? Impact on delivery?",
                    target_contact_id=c[501],
                    asked=True,
                    answer="延误 2 天",
                    position=1,
                ),
                PlannedQuestion(text="预算? Budget?", position=0),
            ],
            needs=needs,
            objections=[
                Objection(
                    step="propose",
                    type="price",
                    nature="genuine",
                    timing="immediately",
                    method="reframe",
                    text="太贵了 too expensive",
                    response="算 ROI",
                    resolved=True,
                    position=0,
                ),
                Objection(text="数据安全?", resolved=False, position=1),
            ],
            next_steps=[
                NextStep(
                    description="发送方案 / send proposal",
                    owner="王磊",
                    due_date=date(2025, 6, 17),
                    done=True,
                    done_on=date(2025, 6, 16),
                    position=2,
                ),
                NextStep(description="约 CFO", position=0),
            ],
        )
        second_visit = Visit(
            uid="v" * 31 + "2", needs=[Need(id=903, description="培训", position=0)]
        )
        opportunity.visits = [visit, second_visit]
        spare = Opportunity(
            uid="o" * 31 + "2",
            account_id=7,
            name="备件框架协议 spare parts",
            budget_exists=False,
            is_tender=False,
            roles=[BuyingRole(contact_id=c[502])],
        )
        s.add_all([opportunity, spare])
        s.flush()
        # The deal cockpit (revision 0004): a stage task ticked, a decision point answered.
        s.add_all(
            [
                StageTaskCheck(
                    opportunity_id=opportunity.id,
                    stage="A",
                    task="a_qualify",
                    done_on=date(2025, 5, 2),
                ),
                StageTaskCheck(opportunity_id=opportunity.id, stage="C", task="c_presentation"),
                DecisionPoint(
                    opportunity_id=opportunity.id,
                    phase="develop",
                    answer="maybe",
                    note="CFO 要看 ROI",
                ),
            ]
        )
        # FAB statements: one tied to the visit's second need, one to the other visit's need.
        s.add_all(
            [
                FabStatement(
                    visit_id=visit.id,
                    need_id=901,
                    feature="实时采集",
                    advantage="秒级 seconds",
                    benefit="夜班可见 night shift visible",
                    position=1,
                ),
                FabStatement(visit_id=visit.id, feature="on-premise", position=0),
                FabStatement(visit_id=second_visit.id, need_id=903, feature="培训包"),
            ]
        )
        # A second account that must stay out of the bundle.
        decoy = Account(uid="d" * 32, name="Decoy 诱饵", contacts=[Contact(name="Nobody")])
        decoy.opportunities = [Opportunity(name="Other", visits=[Visit(title="elsewhere")])]
        s.add(decoy)
    return 7


# --- reading a database generically -------------------------------------------------------


def snapshot(db: Database, account_uid: str) -> dict[str, list[dict[str, Any]]]:
    """Every row under the account, every column; integer keys replaced by what they name."""
    with db.read() as s:
        raw = {tb.name: {r.id: dict(r._mapping) for r in s.execute(select(tb))} for tb in TABLES}

    def parent(table: str, row: dict[str, Any]) -> tuple[str, int] | None:
        key = PARENT_KEYS.get(table)
        if key is None:
            return None
        col = Base.metadata.tables[table].columns[key]
        return next(iter(col.foreign_keys)).column.table.name, row[key]

    def name_of(table: str, row_id: int) -> Any:
        row = raw[table][row_id]
        if "uid" in row:
            return row["uid"]
        up = parent(table, row)
        assert up is not None
        return (name_of(*up), row.get("position"))

    def owner(table: str, row: dict[str, Any]) -> str:
        up = parent(table, row)
        return row["uid"] if up is None else owner(up[0], raw[up[0]][up[1]])

    out: dict[str, list[dict[str, Any]]] = {}
    for tb in TABLES:
        rows = []
        for row in raw[tb.name].values():
            if owner(tb.name, row) != account_uid:
                continue
            item = {}
            for col in tb.columns:
                if col.name == "id":
                    continue
                value = row[col.name]
                if col.foreign_keys and value is not None:
                    value = name_of(next(iter(col.foreign_keys)).column.table.name, value)
                item[col.name] = value
            rows.append(item)
        out[tb.name] = sorted(rows, key=repr)
    return out


def row_counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        counts = {tb.name: s.scalar(select(func.count()).select_from(tb)) or 0 for tb in TABLES}
        counts["search_fts"] = s.scalar(text("SELECT count(*) FROM search_fts")) or 0
    return counts


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "other" / "callbrief.sqlite3")
    yield database
    database.close()


@pytest.fixture
def bundle(db: Database) -> dict[str, Any]:
    return bundle_dict(db, build_rich(db))


# --- the fixture itself ---------------------------------------------------------------------


def test_fixture_sets_every_column(db: Database) -> None:
    """Each column holds a non-default value in at least one row, or the round trip proves less."""
    build_rich(db)
    with db.read() as s:
        for tb in TABLES:
            rows = [dict(r._mapping) for r in s.execute(select(tb))]
            for col in tb.columns:
                default = col.default.arg if col.default is not None else None
                if callable(default):
                    default = None

                def differs(value: Any, default: Any = default) -> bool:
                    return value not in (None, "", [], {}) and value != default

                assert any(differs(r[col.name]) for r in rows), f"{tb.name}.{col.name}"


# --- round trip -----------------------------------------------------------------------------


def test_round_trip_keeps_every_column(db: Database, other: Database, tmp_path: Path) -> None:
    dest = tmp_path / "hdjm.callbrief.json"
    export_bundle(db, build_rich(db), dest)
    result = import_bundle(other, dest)

    source = snapshot(db, RICH_UID)
    assert all(source[tb.name] for tb in TABLES), "every table has rows in the bundle"
    assert snapshot(other, RICH_UID) == source
    assert result.account_name == "华东精密机械有限公司"
    assert result.replaced is False
    assert result.counts == {
        "contacts": 4,
        "details": 8,
        "opportunities": 2,
        "roles": 3,
        "competitors": 2,
        "stage_tasks": 2,
        "decision_points": 1,
        "concessions": 2,
        "referrals": 2,
        "outside_influencers": 2,
        "visits": 2,
        "attendees": 3,
        "questions": 2,
        "needs": 3,
        "fabs": 3,
        "objections": 2,
        "next_steps": 2,
    }
    with other.read() as s:
        assert s.scalar(select(Account.uid).where(Account.id == result.account_id)) == RICH_UID


def test_import_twice_replaces_instead_of_duplicating(
    db: Database, other: Database, tmp_path: Path
) -> None:
    dest = tmp_path / "b.json"
    export_bundle(db, build_rich(db), dest)
    first = import_bundle(other, dest)
    counts = row_counts(other)
    with other.write() as s:  # local edits the second import must undo
        account = s.get(Account, first.account_id)
        assert account is not None
        account.name = "renamed"
        s.add(Contact(account_id=first.account_id, name="临时 temp"))

    second = import_bundle(other, dest)

    assert second.replaced is True
    assert second.account_id == first.account_id
    assert second.counts == first.counts
    assert row_counts(other) == counts
    assert snapshot(other, RICH_UID) == snapshot(db, RICH_UID)
    with other.read() as s:
        hits = search_index.search(s.connection(), "华东精密")
        assert [(h.kind, h.id) for h in hits] == [("account", second.account_id)]
        assert search_index.search(s.connection(), "renamed") == []
        assert search_index.search(s.connection(), "临时") == []


def test_reimport_into_the_source_replaces_in_place(db: Database, tmp_path: Path) -> None:
    dest = tmp_path / "b.json"
    account_id = build_rich(db)
    export_bundle(db, account_id, dest)
    before = snapshot(db, RICH_UID)
    result = import_bundle(db, dest)
    assert (result.account_id, result.replaced) == (account_id, True)
    assert snapshot(db, RICH_UID) == before
    assert snapshot(db, "d" * 32)["contacts"], "the other account is untouched"


def test_minimal_bundle_takes_column_defaults(other: Database, tmp_path: Path) -> None:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": "2025-06-01T08:00:00Z",
        "app_version": "0.0.1",
        "account": {
            "uid": "m1",
            "name": "Minimal",
            "contacts": [{"uid": "mc1", "name": "Ann"}],
            "opportunities": [
                {
                    "uid": "mo1",
                    "name": "Deal",
                    "roles": [{"contact": "mc1"}],
                    "visits": [{"uid": "mv1", "fabs": [{}]}],
                }
            ],
        },
    }
    src = tmp_path / "min.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    result = import_bundle(other, src)
    assert result.counts["fabs"] == 1
    with other.read() as s:
        account = s.get(Account, result.account_id)
        assert account is not None and account.currency == "CNY"
        visit = s.scalars(select(Visit)).one()
        assert (visit.duration_min, visit.status, visit.checklist) == (60, "draft", {})
        assert s.scalars(select(BuyingRole)).one().attitude == "unknown"


def test_keys_are_checked_against_the_files_own_playbook(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    """A team playbook with a fourth objection nature: its bundles import where that playbook
    is in use, and are refused (naming the key) where the bundled playbook is."""
    from desktop.domain.playbook import default_playbook_path, load_playbook
    from desktop.services.registry import Services

    toml = default_playbook_path().read_text(encoding="utf-8")
    extra = '[[objection_natures]]\nkey = "stall"\nlabel = { en = "Stall", zh = "拖延" }\n\n'
    custom = tmp_path / "team.toml"
    custom.write_text(toml.replace("[[objection_natures]]", extra + "[[objection_natures]]", 1))
    doc = copy.deepcopy(bundle)
    doc["account"]["opportunities"][0]["visits"][0]["objections"][0]["nature"] = "stall"
    doc["account"]["buying_behaviour"] = ""  # an optional key left empty is not set, not wrong
    src = tmp_path / "team-bundle.json"
    src.write_text(_dumped(doc), encoding="utf-8")

    with pytest.raises(BundleError, match='nature: "stall" is not a key'):
        Services.build(other, load_playbook(default_playbook_path())).bundles.import_file(src)
    assert all(n == 0 for n in row_counts(other).values())

    result = Services.build(other, load_playbook(custom)).bundles.import_file(src)
    with other.read() as s:
        assert "stall" in s.scalars(select(Objection.nature)).all()
        assert s.get(Account, result.account_id).buying_behaviour == ""


# --- the file and its schema ----------------------------------------------------------------


def test_exported_file(db: Database, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    dest = tmp_path / "out" / "b.json"
    dest.write_text("old", encoding="utf-8")  # overwritten, atomically
    export_bundle(db, build_rich(db), dest)

    raw = dest.read_text(encoding="utf-8")
    assert raw.startswith('{\n "format": "callbrief-bundle",\n "version": 1,')
    assert "华东精密机械有限公司" in raw  # ensure_ascii=False
    assert [p.name for p in dest.parent.iterdir()] == ["b.json"]  # no temporary left
    doc = json.loads(raw)
    assert doc["app_version"] == desktop.__version__
    assert datetime.fromisoformat(doc["exported_at"]).utcoffset() is not None
    names = [c["name"] for c in doc["account"]["contacts"]]
    assert names == ["王磊", "Liu Fang 刘芳", "王建国", "Sun Hao"]  # in id order

    def keys(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from keys(v)
        elif isinstance(value, list):
            for v in value:
                yield from keys(v)

    assert not [k for k in keys(doc) if k == "id" or k.endswith("_id")], "no integer keys"
    contacts = {c["uid"]: c for c in doc["account"]["contacts"]}
    assert contacts["c" * 31 + "4"]["reports_to"] == "c" * 31 + "3"
    visit = doc["account"]["opportunities"][0]["visits"][0]
    assert [f["need_index"] for f in visit["fabs"]] == [None, 1]
    assert visit["needs"][1]["description"] == "追溯 traceability"
    assert visit["starts_at"] == "2025-06-03T14:30:00"
    assert visit["report_completed_at"] == "2025-06-03T08:45:01.000005"


def test_exported_file_validates_against_the_schema(db: Database, tmp_path: Path) -> None:
    import jsonschema

    dest = tmp_path / "b.json"
    export_bundle(db, build_rich(db), dest)
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(dest.read_text(encoding="utf-8")))


def test_schema_matches_the_models() -> None:
    """Field names, lengths and nullability in the schema follow the tables."""
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["properties"]["format"] == {"const": FORMAT}
    assert schema["properties"]["version"] == {"const": VERSION}

    def check(node: Any, definition: dict[str, Any]) -> None:
        assert definition["additionalProperties"] is False
        props = definition["properties"]
        assert list(props) == node.fields(), node.table_name
        for key, col in node.plain_columns:
            types = props[key].get("type")
            if types is not None:
                assert ("null" in types) == bool(col.nullable), f"{node.table_name}.{key}"
            length = getattr(col.type, "length", None)
            assert props[key].get("maxLength") == length, f"{node.table_name}.{key}"
        for key, child in node.children:
            ref = props[key]["items"]["$ref"].rsplit("/", 1)[1]
            check(child, schema["$defs"][ref])

    check(LAYOUT, schema["$defs"]["account"])


def test_layout_covers_every_table_and_reference() -> None:
    nodes = list(LAYOUT.walk())
    assert {n.table_name for n in nodes} == {tb.name for tb in TABLES}
    assert all(n.unhandled_foreign_keys() == [] for n in nodes)


def test_exported_file_can_be_handed_on_and_missing_folders_are_named(
    db: Database, tmp_path: Path
) -> None:
    account_id = build_rich(db)
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(0o022)
    try:
        export_bundle(db, account_id, out / "b.json")
    finally:
        os.umask(old)
    # An ordinary file (like every other export), not mkstemp's private one.
    assert stat.S_IMODE((out / "b.json").stat().st_mode) == 0o644
    with pytest.raises(OSError, match="the folder .*missing does not exist"):
        export_bundle(db, account_id, out / "missing" / "b.json")
    assert [p.name for p in out.iterdir()] == ["b.json"]


def test_export_of_a_missing_account_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(BundleExportError, match="no account with id 999"):
        export_bundle(db, 999, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


# --- malformed bundles ----------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], Any]  # returns bytes, or a document to dump


def _set(path: str, value: Any) -> Mutation:
    """Set ``value`` at a dotted path such as ``account.contacts.0.name``."""

    def mutate(doc: dict[str, Any]) -> dict[str, Any]:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        target[last] = value(doc) if callable(value) else value
        return doc

    return mutate


def _dumped(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _without(key: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> dict[str, Any]:
        del doc[key]
        return doc

    return mutate


def _cycle(doc: dict[str, Any]) -> dict[str, Any]:
    # Contacts are [王磊, 刘芳, 王建国, Sun Hao], each reporting to the one before in the
    # line 王建国 ← 刘芳 ← 王磊 ← Sun Hao; now 王建国 reports to Sun Hao.
    doc["account"]["contacts"][2]["reports_to"] = doc["account"]["contacts"][3]["uid"]
    return doc


C = "account.contacts"
O0 = "account.opportunities[0]"
V0 = f"{O0}.visits[0]"

MALFORMED: list[tuple[str, Mutation, str]] = [
    ("not_json", lambda d: b"hello, world", "b.json: is not valid JSON: Expecting value at line 1"),
    (
        "truncated_json",
        lambda d: _dumped(d)[:5000].encode(),
        "b.json: is not valid JSON: ",
    ),
    ("empty_file", lambda d: b"  \n", "b.json: is empty"),
    ("non_utf8", lambda d: _dumped(d).encode("gb18030"), "b.json: is not UTF-8 text (byte 0x"),
    ("deeply_nested", _set("account.notes", _nested(200)), "is nested deeper than 32 levels"),
    ("not_an_object", lambda d: [d], "$: must be a JSON object, found a list"),
    (
        "wrong_format",
        _set("format", "callbrief-backup"),
        'format: is "callbrief-backup", not "callbrief-bundle"; this is not a Callbrief bundle',
    ),
    ("version_99", _set("version", 99), "version: format version 99 was made by a newer Callbrief"),
    ("version_text", _set("version", "1"), 'version: must be a whole number, found "1"'),
    ("missing_account", _without("account"), "account: is required but missing"),
    (
        "unknown_field",
        _set(f"{C}.1.nmae", "typo"),
        f'{C}[1].nmae: unknown field (not part of format version 1); did you mean "name"?',
    ),
    (
        "wrong_type",
        _set("account.headcount", "1200"),
        'account.headcount: must be a whole number or null, found text "1200"',
    ),
    (
        "list_expected",
        _set("account.contacts", {}),
        "account.contacts: must be a list, found an object",
    ),
    (
        "unknown_contact_ref",
        _set("account.opportunities.0.roles.0.contact", "nobody"),
        f'{O0}.roles[0].contact: refers to unknown contact uid "nobody"',
    ),
    (
        "unknown_reports_to",
        _set(f"{C}.3.reports_to", "ghost"),
        f'{C}[3].reports_to: refers to unknown contact uid "ghost"',
    ),
    (
        "reports_to_cycle",
        _cycle,
        f"{C}[0].reports_to: reports-to cycle: 王磊 → Liu Fang 刘芳 → 王建国 → Sun Hao → 王磊",
    ),
    (
        "reports_to_self",
        _set(f"{C}.1.reports_to", lambda d: d["account"]["contacts"][1]["uid"]),
        f"{C}[1].reports_to: a contact cannot report to themselves",
    ),
    (
        "duplicate_uid",
        _set(f"{C}.2.uid", lambda d: d["account"]["contacts"][0]["uid"]),
        f'{C}[2].uid: "{"c" * 31}3" is also the uid of {C}[0]',
    ),
    (
        "duplicate_role",
        _set(
            "account.opportunities.0.roles.1.contact",
            lambda d: d["account"]["opportunities"][0]["roles"][0]["contact"],
        ),
        f'{O0}.roles[1].contact: contact "{"c" * 31}1" is already listed at {O0}.roles[0]',
    ),
    (
        "need_index_out_of_range",
        _set("account.opportunities.0.visits.0.fabs.0.need_index", 5),
        f"{V0}.fabs[0].need_index: refers to need 5, but this visit has 2 needs",
    ),
    (
        "impossible_date",
        _set("account.opportunities.0.expected_close", "2025-02-30"),
        f'{O0}.expected_close: "2025-02-30" is not a valid date',
    ),
    (
        "date_in_wrong_form",
        _set("account.opportunities.0.visits.0.next_steps.0.due_date", "17/06/2025"),
        f'{V0}.next_steps[0].due_date: "17/06/2025" is not a date (YYYY-MM-DD)',
    ),
    (
        "impossible_datetime",
        _set("account.opportunities.0.visits.0.starts_at", "2025-06-03T25:00:00"),
        f'{V0}.starts_at: "2025-06-03T25:00:00" is not a valid date and time',
    ),
    (
        "datetime_with_offset",
        _set("account.created_at", "2025-06-03T14:30:00+08:00"),
        'account.created_at: "2025-06-03T14:30:00+08:00" is not a date and time',
    ),
    (
        "string_too_long",
        _set(f"{C}.0.name", "王" * 121),
        f"{C}[0].name: is 121 characters long; at most 120 are allowed",
    ),
    (
        "probability_out_of_range",
        _set("account.opportunities.0.probability_override", 150),
        f"{O0}.probability_override: 150 is out of range: must be between 0 and 100",
    ),
    (
        "duration_out_of_range",
        _set("account.opportunities.0.visits.0.duration_min", 2),
        f"{V0}.duration_min: 2 is out of range: must be between 5 and 1440",
    ),
    (
        "bad_qualification_answer",
        _set("account.opportunities.0.qualification.budget.answer", "maybe"),
        f'{O0}.qualification.budget.answer: must be one of "yes", "no", "unknown"',
    ),
    # Values that must be keys of the playbook (bundle_keys.py): named with the allowed keys.
    (
        "objection_nature_not_a_key",
        _set("account.opportunities.0.visits.0.objections.0.nature", "real"),
        f'{V0}.objections[0].nature: "real" is not a key of the playbook group objection_natures;'
        ' allowed keys: "genuine", "excuse", "hidden"',
    ),
    (
        "objection_method_not_a_key",
        _set("account.opportunities.0.visits.0.objections.0.method", "LSCPA"),
        f'{V0}.objections[0].method: "LSCPA" is not a key of the playbook group objection_methods;'
        ' allowed keys: "ignore", "compensate", "reframe", "inquire", "yes_if", "direct_rebuttal"',
    ),
    (
        "role_not_a_key",
        _set("account.opportunities.0.roles.0.roles", ["decision_maker", "Economic Buyer"]),
        f'{O0}.roles[0].roles[1]: "Economic Buyer" is not a key of the playbook group roles;'
        ' allowed keys: "decision_maker", "user", "technical_expert", "influencer", "coach"',
    ),
    (
        "attitude_not_a_key",
        _set("account.opportunities.0.roles.1.attitude", "Supporter"),
        f'{O0}.roles[1].attitude: "Supporter" is not a key of the playbook group attitudes',
    ),
    (
        "stage_not_a_key",
        _set("account.opportunities.0.stage", "Won"),
        f'{O0}.stage: "Won" is not a key of the playbook group funnel_stages;'
        ' allowed keys: "A", "B", "C", "D", "E", "F"',
    ),
    (
        "required_key_empty",
        _set("account.opportunities.0.stage", ""),
        f'{O0}.stage: "" is not a key of the playbook group funnel_stages',
    ),
    (
        "contact_style_not_a_key",
        _set(f"{C}.0.communication_style", "analytical"),
        f'{C}[0].communication_style: "analytical" is not a key of the playbook group'
        ' communication_styles; allowed keys: "controlling", "analyzing",',
    ),
    (
        "visit_status_not_a_key",
        _set("account.opportunities.0.visits.0.status", "reported"),
        f'{V0}.status: "reported" is not a key of the playbook group visit_statuses',
    ),
    (
        "stage_task_not_a_key",
        _set("account.opportunities.0.stage_tasks.0.task", "a_lunch"),
        f'{O0}.stage_tasks[0].task: "a_lunch" is not a key of the stage tasks; allowed keys:'
        ' "a_qualify", "a_team",',
    ),
    (
        "decision_point_phase_not_a_key",
        _set("account.opportunities.0.decision_points.0.phase", "grow"),
        f'{O0}.decision_points[0].phase: "grow" is not a key of the playbook group cvm_phases',
    ),
    (
        "qualification_item_not_a_key",
        _set("account.opportunities.0.qualification.budgett", {"answer": "yes", "note": ""}),
        f'{O0}.qualification.budgett: "budgett" is not a key of the playbook group'
        " qualification_items",
    ),
    (
        "checklist_item_not_a_key",
        _set("account.opportunities.0.visits.0.checklist.open", ["shake_hands"]),
        f'{V0}.checklist.open[0]: "shake_hands" is not a key of the checklist of visit step'
        ' "open"; allowed keys: ',
    ),
    (
        "account_key_not_a_key",
        _set("account.pyramid_tier", "top"),
        'account.pyramid_tier: "top" is not a key of the playbook group pyramid_tiers;'
        ' allowed keys: "key", "ordinary", "small"',
    ),
    (
        "not_a_number",
        lambda d: _dumped(d).replace('"map_x": 121.5', '"map_x": NaN').encode(),
        "b.json: is not valid JSON: NaN is not a number JSON allows",
    ),
    (
        "duplicate_key",
        lambda d: _dumped(d).replace('"version": 1,', '"version": 1, "version": 1,', 1).encode(),
        "version: appears more than once in the same object",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [pytest.param(m, e, id=i) for i, m, e in MALFORMED]
)
def test_malformed_bundle_is_refused_and_nothing_written(
    bundle: dict[str, Any], other: Database, tmp_path: Path, mutate: Mutation, expected: str
) -> None:
    produced = mutate(copy.deepcopy(bundle))
    src = tmp_path / "b.json"
    src.write_bytes(produced if isinstance(produced, bytes) else _dumped(produced).encode())
    assert all(n == 0 for n in row_counts(other).values())

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert any(expected in p for p in caught.value.problems), caught.value.problems
    assert expected in str(caught.value)
    assert all(n == 0 for n in row_counts(other).values())


def test_all_problems_are_reported_together(bundle: dict[str, Any], other: Database, tmp_path):
    doc = copy.deepcopy(bundle)
    doc["account"]["contacts"][0]["name"] = "x" * 121
    doc["account"]["contacts"][1]["email"] = 5
    doc["account"]["opportunities"][0]["roles"][0]["contact"] = "nobody"
    doc["account"]["opportunities"][0]["visits"][0]["needs"][0]["extra"] = True
    src = tmp_path / "many.json"
    src.write_text(_dumped(doc), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert len(caught.value.problems) == 4, caught.value.problems
    lines = str(caught.value).splitlines()
    assert lines[0] == "many.json cannot be imported; nothing was changed:"
    assert lines[1:] == [f"- {p}" for p in caught.value.problems]
    assert all(n == 0 for n in row_counts(other).values())


def test_uid_of_another_account_is_refused(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    taken = bundle["account"]["contacts"][1]["uid"]
    with other.write() as s:
        s.add(Account(uid="x" * 32, name="别人的客户", contacts=[Contact(uid=taken, name="Z")]))
    before = row_counts(other)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert caught.value.problems == [
        f'{C}[1].uid: "{taken}" is already the uid of a contact of another account, "别人的客户"'
    ]
    assert row_counts(other) == before


def test_uid_of_a_row_deep_in_another_account_is_refused(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    # Every row of an account's tree has a uid; one already used by another account's
    # objection is named plainly instead of failing on the database's unique constraint.
    taken = bundle["account"]["opportunities"][0]["visits"][0]["objections"][0]["uid"]
    with other.write() as s:
        visit = Visit(uid="v" * 32, objections=[Objection(uid=taken, text="Too dear")])
        s.add(
            Account(
                uid="x" * 32,
                name="别人的客户",
                opportunities=[Opportunity(name="O", visits=[visit])],
            )
        )
    before = row_counts(other)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert caught.value.problems == [
        f'{V0}.objections[0].uid: "{taken}" is already the uid of an objection of another '
        'account, "别人的客户"'
    ]
    assert row_counts(other) == before


def test_rows_without_a_uid_get_one_of_their_own(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    # A version 1 bundle from before child rows carried uids still imports.
    for opportunity in bundle["account"]["opportunities"]:
        children = [*opportunity["roles"], *opportunity["competitors"]]
        for visit in opportunity["visits"]:
            for key in ("attendees", "questions", "needs", "fabs", "objections", "next_steps"):
                children += visit[key]
        for child in children:
            del child["uid"]
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    import_bundle(other, src)
    with other.read() as s:
        uids = [*s.scalars(select(Objection.uid)), *s.scalars(select(Attendee.uid))]
        uids += [*s.scalars(select(BuyingRole.uid)), *s.scalars(select(Competitor.uid))]
    assert len(uids) > 8 and len(set(uids)) == len(uids)
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)


def test_clashing_uids_are_reported_with_file_problems(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    visit_uid = bundle["account"]["opportunities"][0]["visits"][0]["uid"]
    with other.write() as s:
        s.add(
            Account(
                uid="x" * 32,
                name="Other",
                opportunities=[Opportunity(name="O", visits=[Visit(uid=visit_uid)])],
            )
        )
    bundle["account"]["website"] = 7
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)
    assert [p.split(":")[0] for p in caught.value.problems] == ["account.website", f"{V0}.uid"]


def test_not_a_file(other: Database, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="there is no such file"):
        import_bundle(other, tmp_path / "missing.json")
    with pytest.raises(BundleError, match="is a folder, not a bundle"):
        import_bundle(other, tmp_path)


def test_size_limit(
    bundle: dict[str, Any], other: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_import, "MAX_BYTES", 1024)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    with pytest.raises(BundleError, match="is [0-9,]+ bytes; a bundle may be at most 1,024 bytes"):
        import_bundle(other, src)
    assert all(n == 0 for n in row_counts(other).values())
