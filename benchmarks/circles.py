"""A generated key account with a decision circle of any size, for paper tests and benchmarks.

``make_circle(services, n)`` adds an account, one opportunity, ``n`` contacts in a five-wide
org chart (a general manager, directors, managers, engineers) who all have a part in the
decision, and a visit attended by three of them deep in the chart. Names are Chinese with an
English alias, titles are long enough to need two lines. Returns (opportunity id, visit id).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.store.models import Account, Attendee, BuyingRole, Contact, Opportunity, Visit

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高"
GIVEN = ["建国", "芳", "伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"]
TITLES = [
    "总经理 General Manager",
    "生产运营副总裁 VP Production Operations",
    "信息技术与数字化转型总监",
    "采购经理 Procurement Manager",
    "设备维护高级工程师 Senior Maintenance Engineer",
]
ROLES = ["decision_maker", "user", "technical_expert", "influencer", "coach"]
ATTITUDES = ["supporter", "neutral", "opponent", "unknown"]
INFLUENCE = ["high", "medium", "low"]
FAN_OUT = 5


def manager_index(i: int) -> int | None:
    """The i-th person's manager in the generated chart (0 is the general manager)."""
    return None if i == 0 else (i - 1) // FAN_OUT


def make_circle(services: Any, n: int, day: dt.date = dt.date(2026, 12, 1)) -> tuple[int, int]:
    with services.db.write() as s:
        account = Account(name=f"恒远精密 {n} 人 ({n}-person account)", segment_code="")
        s.add(account)
        s.flush()
        opp = Opportunity(account_id=account.id, name=f"MES 一期 ({n})", stage="S3")
        s.add(opp)
        s.flush()
        people: list[Contact] = []
        for i in range(n):
            boss = manager_index(i)
            name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
            contact = Contact(
                account_id=account.id,
                name=f"{name} {i}",
                title=TITLES[min(i, len(TITLES) - 1) if i < 4 else 3 + i % 2],
                department=["生产部", "信息部", "采购部", "财务部"][i % 4],
                reports_to_id=people[boss].id if boss is not None else None,
            )
            s.add(contact)
            s.flush()
            people.append(contact)
            s.add(
                BuyingRole(
                    opportunity_id=opp.id,
                    contact_id=contact.id,
                    roles=["decision_maker"] if i == 0 else [ROLES[1 + i % 4]],
                    attitude=ATTITUDES[i % 4],
                    # High influence is rare (one in ten), so few opponents are red flags.
                    influence="high" if i % 10 == 1 else INFLUENCE[1 + i % 2],
                )
            )
        visit = Visit(
            opportunity_id=opp.id,
            title=f"方案论证会 ({n})",
            starts_at=dt.datetime.combine(day, dt.time(9, 0)),
            timezone="Asia/Shanghai",
            status="ready",
            objective="确认一期范围。",
        )
        s.add(visit)
        s.flush()
        for pos, index in enumerate(sorted({n - 1, (n - 1) // 2, min(n - 1, 2)})):
            s.add(Attendee(visit_id=visit.id, position=pos, contact_id=people[index].id))
        return opp.id, visit.id
