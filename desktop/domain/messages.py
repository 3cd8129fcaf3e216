"""Messages the core gives the rep (validation, readiness), in English and Chinese.

The UI shows ``Message.text(lang)``; the command line uses English. Methodology wording
(coverage warnings, prompts) lives in the playbook instead, because organisations adapt it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATALOG: dict[str, tuple[str, str]] = {
    # validation
    "required": ("Enter {label}.", "请填写{label}。"),
    "too_long": (
        "{label} is too long: {length} characters, at most {limit}.",
        "{label}太长:{length}个字符,最多{limit}个。",
    ),
    "not_integer": (
        "{label} must be a whole number, such as 800, 1,200 or 1.2万.",
        "{label}必须是整数,如 800、1,200 或 1.2万。",
    ),
    "not_amount": (
        "{label} must be an amount, such as 1,200,000, 300万, 1.2亿, 2 million or $1.5M.",
        "{label}必须是金额,如 1,200,000、300万、1.2亿、2 million 或 ¥1.5M。",
    ),
    "not_minutes": (
        "{label} must be a number of minutes, such as 90, 1.5h or 1h30.",
        "{label}必须是分钟数,如 90、1.5小时 或 1小时30分。",
    ),
    "two_currencies": ("{label} names two currencies.", "{label}写了两种货币。"),
    "currency_mismatch": (
        "{label} is written in {typed}, but the currency here is {current}: "
        "change the currency first, or leave {typed} out.",
        "{label}写的是{typed},但此处币种是{current}:请先修改币种,或去掉{typed}。",
    ),
    "out_of_range": (
        "{label} must be between {low} and {high}.",
        "{label}必须在{low}到{high}之间。",
    ),
    "not_date": (
        "{label} must be a date, such as 2027/3/15, 15.3.2027 or 15 Mar 2027.",
        "{label}必须是日期,如 2027/3/15、2027年3月15日 或 2027-3-15。",
    ),
    "not_datetime": (
        "{label} must be a date and time, such as 2027/3/15 14:30.",
        "{label}必须是日期和时间,如 2027/3/15 14:30。",
    ),
    "bad_character": (
        "{label} holds a character that cannot be saved ({char}, a control character or a "
        "broken one); remove it.",
        "{label}包含无法保存的字符({char},控制字符或损坏的字符),请删除。",
    ),
    "date_range": (
        "{label} must be between {low} and {high}.",
        "{label}必须在{low}到{high}之间。",
    ),
    "not_choice": (
        "{label}: “{value}” is not one of the choices.",
        "{label}:“{value}”不是可选项。",
    ),
    "not_email": ("{label} does not look like an e-mail address.", "{label}不像是电子邮件地址。"),
    "not_phone": (
        "{label} has no digits: it does not look like a phone number.",
        "{label}没有数字,不像电话号码。",
    ),
    "not_currency": (
        "{label} must be a three-letter currency code such as CNY.",
        "{label}必须是三个字母的货币代码,如 CNY。",
    ),
    "not_bool": ("{label} must be yes, no or unknown.", "{label}必须是是、否或未知。"),
    "unknown_field": ("{label} cannot be changed here.", "此处不能修改{label}。"),
    "reports_to_self": ("A person cannot report to themselves.", "一个人不能向自己汇报。"),
    "reports_to_cycle": (
        "{name} already reports (directly or indirectly) to this person; that would make a loop.",
        "{name}已经(直接或间接)向此人汇报,这样会形成循环。",
    ),
    "reports_to_other_account": (
        "The manager must work at the same account.",
        "上级必须是同一客户的人员。",
    ),
    "not_found": (
        "This {label} no longer exists; it may have been deleted.",
        "此{label}已不存在,可能已被删除。",
    ),
    "fab_need_implicit": (
        "“{need}” is an implicit need: a benefit answers only a need the customer has stated. "
        "Develop it until the customer says it (then mark it explicit), or pick an explicit need.",
        "“{need}”是隐含需求：利益只能回应客户明确表达的需求。"
        "请先引导客户说出这一需求（再标为明确需求），或选择一个明确需求。",
    ),
    "need_has_benefits": (
        "“{need}” answers {count} FAB statement(s), so it stays explicit; unlink them first.",
        "“{need}”已有 {count} 条 FAB 利益与之对应，须保持为明确需求；请先取消关联。",
    ),
    "referral_not_handed_over": (
        "Referrals are asked once the deal is handed over (stage E or later).",
        "交付之后（E 阶段起）才请求转介绍。",
    ),
    "referral_slots_full": (
        "Both referral slots are used (“1+2”: {slots} per customer); remove one first.",
        "转介绍名额已满（“1+2”：每个客户 {slots} 个）；请先删除一个。",
    ),
    "referral_same_account": (
        "A referral brings a new account, not the customer who referred it.",
        "转介绍带来的是新客户，不能是介绍人自己的客户。",
    ),
    "outside_needs_company": (
        "Enter the company this influencer works for (or add them as our colleague).",
        "请填写该影响者所在的公司（或作为我方同事添加）。",
    ),
    "outside_is_inside": (
        "That person belongs to this account: give them the influencer role in the circle.",
        "此人属于该客户：请在决策圈中为其设置“影响者”角色。",
    ),
    "contact_not_in_account": (
        "That person does not belong to this account.",
        "此人不属于该客户。",
    ),
    "duplicate_attendee": ("{name} is already in the meeting.", "{name}已在参会人员中。"),
    "stage_unknown": ("Unknown funnel stage “{value}”.", "未知的商机阶段“{value}”。"),
    # readiness gaps
    "gap_objective": ("Set the objective of this visit.", "设定本次拜访的目标。"),
    "gap_best_commitment": (
        "Decide the best commitment you will ask for.",
        "确定你争取的最佳承诺。",
    ),
    "gap_min_commitment": ("Decide the minimum acceptable commitment.", "确定可接受的最低承诺。"),
    "gap_research": (
        "Note your research on the customer's business and our relationship.",
        "记录对客户业务和双方关系的调研。",
    ),
    "gap_info_needed": (
        "List the information you still need from this visit.",
        "列出本次拜访还需获取的信息。",
    ),
    "gap_when_where": ("Set the date, time and place.", "设定拜访的日期、时间和地点。"),
    "gap_attendees": ("Choose who from the customer will attend.", "选择客户方的参会人员。"),
    "gap_value_statement": (
        "Write the value statement: who you are, what you want to do, why it is worth their time.",
        "写好价值陈述:你是谁、本次要做什么、为什么值得客户花时间。",
    ),
    "gap_reference": (
        "Pick a fact, reference or credible claim to back the opening.",
        "准备支持开场的事实、案例或可信的说法。",
    ),
    "gap_questions": (
        "Plan at least {count} questions (you have {have}).",
        "至少准备{count}个问题(目前{have}个)。",
    ),
    "gap_question_mix": (
        "Plan questions across at least two ERIC steps or SPIN types.",
        "问题应覆盖至少两个 ERIC 步骤或 SPIN 类型。",
    ),
    "gap_next_action": (
        "Choose the next logical action you will propose.",
        "选择要提议的下一步行动。",
    ),
    "gap_fab_need": (
        "Tie the benefit “{text}” to a need the customer expressed.",
        "把利益“{text}”与客户明确表达的需求联系起来。",
    ),
    "gap_close_plan": (
        "Plan how you will close: the ask and the next step to agree.",
        "规划如何收尾:提出的要求和要约定的下一步。",
    ),
    "gap_objections": (
        "Anticipate at least one objection and prepare a response.",
        "预判至少一个异议并准备回应。",
    ),
    "gap_objection_response": ("Prepare a response to “{text}”.", "为“{text}”准备回应。"),
}


@dataclass(frozen=True)
class Message:
    """A message code with its parameters; rendered in the rep's language on demand."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        en, zh = CATALOG[self.code]
        template = zh if lang.startswith("zh") else en
        # Parameters that are themselves bilingual (field labels) follow the language too.
        params = {k: v.get(lang) if hasattr(v, "get") else v for k, v in self.params.items()}
        return template.format(**params)
