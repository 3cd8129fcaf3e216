"""The rich account every bundle test starts from (every table, every column set to something
other than its default), and reading a file's rows generically to compare two files: integer
keys are compared through what they identify (a uid, or a parent's uid and a position).
Used by tests/export/test_bundle.py and test_bundle_sync_insert.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, select, text

from desktop.exchange.bundle_format import LAYOUT
from desktop.store.database import Database
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
