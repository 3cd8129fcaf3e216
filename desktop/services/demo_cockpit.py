"""The demo account's deal cockpit: deal values, stage tasks ticked, a stalled decision point and
next steps that are overdue or due today. Called by ``demo.load_demo`` in its transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from desktop.store.models import DecisionPoint, NextStep, Opportunity, StageTaskCheck, Visit

REP = "陈嘉怡 (Jiayi Chen)"  # the demo's rep, as in demo.py

# Stage C deal: stages A and B done, the proposal written and presented, its value not yet shown.
MAIN_TASKS = (
    "a_qualify",
    "a_team",
    "a_circle",
    "a_coach",
    "a_research",
    "b_workshops",
    "b_pain_questions",
    "b_competitors",
    "b_lead_need",
    "c_written_proposal",
    "c_presentation",
)
MAIN_POINTS = (
    ("understand", "yes", "王磊确认我们理解 OEE 和追溯的痛点。"),
    ("explore", "yes", "POC 结果优于另外两家。"),
    ("develop", "maybe", "刘芳 (CFO) 还不相信投资回报, 要看同类工厂的数据。"),
)


def add_cockpit(
    session: Session, main: Opportunity, second: Opportunity, past: Visit, today: dt.date
) -> None:
    main.deal_amount, main.deal_currency = 3_200_000, "CNY"
    main.cvm_phase, main.buying_cycle_stage = "develop", "evaluation"
    second.deal_amount, second.deal_currency = 1_500_000, "CNY"
    second.cvm_phase, second.buying_cycle_stage = "understand", "recognition"
    stages = {"a": "A", "b": "B", "c": "C"}
    for task in MAIN_TASKS:
        session.add(
            StageTaskCheck(
                opportunity_id=main.id,
                stage=stages[task[0]],
                task=task,
                done_on=today - dt.timedelta(days=20),
            )
        )
    session.add(
        StageTaskCheck(opportunity_id=second.id, stage="A", task="a_qualify", done_on=today)
    )
    for phase, answer, note in MAIN_POINTS:
        session.add(DecisionPoint(opportunity_id=main.id, phase=phase, answer=answer, note=note))
    # Promised at the last visit and not done yet: one overdue, one due today.
    session.add_all(
        [
            NextStep(
                visit_id=past.id,
                position=10,
                description="把 ROI 测算表 (含同类工厂数据) 发给刘芳",
                owner=REP,
                due_date=today - dt.timedelta(days=2),
                done=False,
            ),
            NextStep(
                visit_id=past.id,
                position=11,
                description="与张伟确认 MES 与 U8 的接口清单",
                owner=REP,
                due_date=today,
                done=False,
            ),
        ]
    )
