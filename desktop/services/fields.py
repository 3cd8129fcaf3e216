"""What each editable field accepts, and turning what the rep typed into stored values.

Every service runs its changes through ``clean()``: it returns the values to store, or raises
one ValidationError naming every bad field, so nothing is ever half-saved. Text lengths come
from the columns themselves; playbook-backed fields accept only keys the playbook knows.

Input is read the forgiving way (``desktop.domain.amounts``, ``.dates``, ``.phones``): amounts
as ``1.2亿`` or ``$2 million``, dates as ``2027/3/15`` or ``15.3.2027``, phones however written.
An amount that names a currency fills the record's currency field when it is empty; one that
contradicts it is refused (``settle_currency``), so a sum never silently changes currency.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

from desktop.domain import contact_columns
from desktop.domain.messages import Message
from desktop.domain.playbook import Playbook
from desktop.domain.validation import FieldError, ValidationError

from .field_values import Bad, Spec, clean_one


def T(en: str, zh: str, kind: str = "text", **kw: Any) -> Spec:  # noqa: N802 - reads as a table
    return Spec(en, zh, kind, **kw)


@functools.cache  # the schema does not change while the app runs; imports call this per cell
def _max_len(model: type[DeclarativeBase], name: str) -> int | None:
    column = model.__table__.columns.get(name)
    if column is not None and isinstance(column.type, String) and column.type.length:
        return int(column.type.length)
    return None


class Cleaned(dict[str, Any]):
    """The values to store, and the currencies that amounts among them named
    (currency field → (amount field, ISO code)), for ``settle_currency``."""

    def __init__(self) -> None:
        super().__init__()
        self.named_currencies: dict[str, tuple[str, str]] = {}


def clean(
    model: type[DeclarativeBase],
    specs: Mapping[str, Spec],
    changes: Mapping[str, Any],
    playbook: Playbook,
    *,
    creating: bool = False,
) -> Cleaned:
    """Checked, converted values for ``changes``; raises ValidationError listing every problem."""
    errors: list[FieldError] = []
    out = Cleaned()
    for name, value in changes.items():
        spec = specs.get(name)
        if spec is None:
            errors.append(FieldError(name, Message("unknown_field", {"label": name})))
            continue
        try:
            out[name], currency = clean_one(spec, value, _max_len(model, name), playbook)
        except Bad as bad:
            errors.append(FieldError(name, Message(bad.code, {"label": spec.label, **bad.params})))
            continue
        if currency is not None and spec.currency_field is not None:
            out.named_currencies[spec.currency_field] = (name, currency)
    # An amount and the currency typed in the same save must agree ("$2m" with "CNY").
    for field, (name, code) in out.named_currencies.items():
        chosen = out.get(field)
        if chosen and chosen != code:
            label = specs[name].label
            message = Message(
                "currency_mismatch", {"label": label, "typed": code, "current": chosen}
            )
            errors.append(FieldError(name, message))
    if creating:
        for name, spec in specs.items():
            if spec.required and name not in changes:
                errors.append(FieldError(name, Message("required", {"label": spec.label})))
    if errors:
        raise ValidationError(errors)
    return out


def settle_currency(specs: Mapping[str, Spec], record: Any, cleaned: Cleaned) -> None:
    """Fill the currency an amount named into ``cleaned`` where ``record`` has none; raise a
    ValidationError at the amount when the record is in another currency."""
    for field, (name, code) in cleaned.named_currencies.items():
        current = cleaned.get(field) or getattr(record, field, None)
        if current and current != code:
            message = Message(
                "currency_mismatch", {"label": specs[name].label, "typed": code, "current": current}
            )
            raise ValidationError([FieldError(name, message)])
        cleaned[field] = code


ACCOUNT = {
    "name": T("Company name", "公司名称", required=True),
    "alt_name": T("Name in the other language", "另一语言名称"),
    "industry": T("Industry", "行业"),
    "city": T("City", "城市"),
    "address": T("Address", "地址"),
    "website": T("Website", "网站"),
    "headcount": T("Headcount", "员工人数", "int", low=0, high=10_000_000),
    "annual_revenue": T("Annual revenue", "年营业额", "amount", low=0, currency_field="currency"),
    "currency": T("Currency", "币种", "currency"),
    "main_business": T("Main business", "主营业务"),
    "industry_position": T("Industry position", "行业地位"),
    "org_structure": T("Organisation structure", "组织结构"),
    "history": T("History", "发展历史"),
    "past_cooperation": T("Past cooperation with us", "与我方的合作历史"),
    "opinion_of_us": T("Their opinion of us", "对我方的整体看法"),
    "category_spend": T(
        "Spend in our category", "在我方品类的花费", "amount", low=0, currency_field="currency"
    ),
    "buying_behaviour": T("Buying behaviour", "购买行为", "key", group="buying_behaviours"),
    "customer_type": T("Customer type", "客户类型", "key", group="customer_types"),
    "pyramid_tier": T("Pyramid tier", "客户金字塔层级", "key", group="pyramid_tiers"),
    "buying_cycle_stage": T("Buying-cycle stage", "购买周期阶段", "key", group="buying_cycle"),
    "cvm_phase": T("Customer value phase", "客户价值阶段", "key", group="cvm_phases"),
    "seg_status": T("Status", "状态", "key", group="segment_status"),
    "seg_profit_tier": T("Profit tier", "利润层级", "key", group="profit_tiers"),
    "seg_recognition": T(
        "Recognition of our expertise", "对我方专业的认可", "key", group="recognition_levels"
    ),
    "seg_pain": T("Pain", "痛点", "key", group="pain_levels"),
    "notes": T("Notes", "备注"),
}

# A contact's fields come from its one column declaration (desktop/domain/contact_columns.py),
# which the importers, the exporters and the search index read too.
CONTACT = {
    c.field: T(c.label.en, c.label.zh, c.kind, required=c.required, group=c.group)
    for c in contact_columns.stored()
    if c.field is not None
}

OPPORTUNITY = {
    "name": T("Opportunity name", "商机名称", required=True),
    "stage": T("Funnel stage", "商机阶段", "key", group="funnel_stages", required=True),
    "probability_override": T("Win probability", "赢单概率", "percent", low=0, high=100),
    "budget_exists": T("Budget exists", "是否有预算", "bool"),
    "budget_amount": T("Budget", "预算金额", "amount", low=0, currency_field="budget_currency"),
    "budget_currency": T("Budget currency", "预算币种", "currency"),
    "budget_source": T("Source of funds", "资金来源"),
    "budget_confirmed_by": T("Budget confirmed by", "预算确认人"),
    "purchase_timeline": T("Purchase timeline", "采购时间表"),
    "expected_close": T("Expected close", "预计成交日期", "date"),
    "is_tender": T("Tender", "是否招标", "bool"),
    "lead_department": T("Lead department", "牵头部门"),
    "deciding_department": T("Deciding department", "决策部门"),
    "decision_process": T("Decided by", "决策机构", "key", group="decision_processes"),
    "decision_steps": T("Decision steps", "决策流程", "lines"),
    "pains": T("Pain points", "痛点"),
    "qualification": T("Qualification", "商机确认", "json"),
    "risk_notes": T("Risks", "风险"),
    "our_strengths": T("Our strengths", "我方优势"),
    "our_weaknesses": T("Our weaknesses", "我方劣势"),
    "deal_amount": T("Deal value", "商机金额", "amount", low=0, currency_field="deal_currency"),
    "deal_currency": T("Deal currency", "商机币种", "currency"),
    "cvm_phase": T("Customer value phase", "客户价值阶段", "key", group="cvm_phases"),
    "buying_cycle_stage": T("Buying-cycle stage", "购买周期阶段", "key", group="buying_cycle"),
}

BUYING_ROLE = {
    "roles": T("Roles", "角色", "keys", group="roles"),
    "attitude": T("Attitude", "态度", "key", group="attitudes"),
    "influence": T("Influence", "影响力", "key", group="influence_levels"),
    "notes": T("Notes", "备注"),
}


def has_part(role: Mapping[str, Any]) -> bool:
    """Whether buying-role values give the person a part: a role, an attitude or an influence.

    Without one the person is not in the circle (notes alone do not put them there).
    """
    return (
        bool(role.get("roles"))
        or role.get("attitude", "unknown") != "unknown"
        or bool(role.get("influence"))
    )


COMPETITOR = {
    "name": T("Competitor", "竞争对手", required=True),
    "strengths": T("Their strengths", "对手优势"),
    "weaknesses": T("Their weaknesses", "对手劣势"),
    "has_insider": T("Has an insider", "是否有内线", "bool"),
    "insider_level": T("Insider's level", "内线级别"),
    "our_strengths": T("Our strengths against them", "我方相对优势"),
    "our_weaknesses": T("Our weaknesses against them", "我方相对劣势"),
    "strategy": T("Our strategy", "我方策略"),
    "position": T("Order", "顺序", "int", low=0),
}

VISIT = {
    "title": T("Title", "标题"),
    "starts_at": T("Date and time", "日期和时间", "datetime"),
    "timezone": T("Time zone", "时区"),
    "duration_min": T("Duration (minutes)", "时长(分钟)", "minutes", low=5, high=1440),
    "place": T("Place", "地点"),
    "status": T("Status", "状态", "key", group="visit_statuses", required=True),
    "research_notes": T("Research", "调研"),
    "objective": T("Objective", "拜访目标"),
    "best_commitment": T("Best commitment", "最佳承诺"),
    "min_commitment": T("Minimum acceptable commitment", "最低可接受承诺"),
    "info_needed": T("Information needed", "需获取的信息"),
    "logistics": T("Logistics", "后勤安排"),
    "vs_who": T("Who we are", "我们是谁"),
    "vs_what": T("What we want to do", "本次要做什么"),
    "vs_why": T("Why it is worth their time", "为什么值得客户花时间"),
    "value_statement": T("Value statement", "价值陈述"),
    "reference": T("Reference", "参考案例"),
    "consult_notes": T("Consulting notes", "协商备注"),
    "next_action": T("Next logical action", "下一步行动", "key", group="next_actions"),
    "next_action_detail": T("Next action details", "下一步行动说明"),
    "close_technique": T("Close technique", "成交技巧", "key", group="close_techniques"),
    "close_plan": T("Close plan", "收尾计划"),
    "checklist": T("Checklist", "检查清单", "json"),
    "quick_notes": T("Notes", "笔记"),
    "report_outcome": T("What happened", "拜访结果"),
    "report_commitment": T("Commitment achieved", "达成的承诺", "key", group="commitment_outcomes"),
    "report_commitment_notes": T("Commitment notes", "承诺说明"),
}

ATTENDEE = {
    "contact_id": T("Contact", "联系人", "int"),
    "name": T("Name", "姓名"),
    "meeting_role": T("Role in the meeting", "会中角色"),
    "position": T("Order", "顺序", "int", low=0),
}

QUESTION = {
    "framework": T("Framework", "框架"),
    "step": T("Step", "步骤"),
    "text": T("Question", "问题", required=True),
    "target_contact_id": T("Asked to", "提问对象", "int"),
    "asked": T("Asked", "已问", "flag"),
    "answer": T("Answer", "回答"),
    "position": T("Order", "顺序", "int", low=0),
}

NEED = {
    "contact_id": T("Whose need", "需求人", "int"),
    "description": T("Need", "需求", required=True),
    "scope": T("Business or personal", "企业或个人", "key", group="need_scopes"),
    "clarity": T("Implicit or explicit", "隐含或明确", "key", group="need_clarity"),
    "category": T("Kind of need", "需求类别"),
    "position": T("Order", "顺序", "int", low=0),
}

FAB = {
    "need_id": T("Need", "需求", "int"),
    "feature": T("Feature", "特点"),
    "advantage": T("Advantage", "优点"),
    "benefit": T("Benefit", "利益"),
    "position": T("Order", "顺序", "int", low=0),
}

OBJECTION = {
    "step": T("Expected at", "预计出现于", "key", group="visit_steps"),
    "type": T("Objection type", "异议类型", "key", group="objection_types", required=True),
    "nature": T("Nature", "性质", "key", group="objection_natures"),
    "timing": T("When to answer", "回应时机", "key", group="objection_timings"),
    "method": T("Method", "处理方法", "key", group="objection_methods"),
    "text": T("Objection", "异议", required=True),
    "response": T("Prepared response", "准备的回应"),
    "resolved": T("Resolved", "已解决", "bool"),
    "position": T("Order", "顺序", "int", low=0),
}

NEXT_STEP = {
    "description": T("Next step", "下一步", required=True),
    "owner": T("Owner", "负责人"),
    "due_date": T("Due", "截止日期", "date"),
    "done": T("Done", "完成", "flag"),
    "position": T("Order", "顺序", "int", low=0),
}
