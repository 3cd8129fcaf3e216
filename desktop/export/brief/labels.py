"""The brief's fixed wording in English and Chinese.

Methodology terms (steps, roles, attitudes, styles, question kinds) come from the playbook so an
organisation's renames reach the brief; this table holds only the brief's own headings and
captions.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "brief": ("Visit brief", "拜访简报"),
    "account": ("Account", "客户"),
    "opportunity": ("Opportunity", "商机"),
    "stage": ("Funnel stage", "商机阶段"),
    "probability": ("{percent}% win probability", "赢单概率 {percent}%"),
    "when": ("When", "时间"),
    "where": ("Where", "地点"),
    "prepared_by": ("Prepared by", "准备人"),
    "minutes": ("{n} min", "{n} 分钟"),
    "objective": ("Objective", "拜访目标"),
    "best_commitment": ("Best commitment", "最佳承诺"),
    "min_commitment": ("Minimum acceptable", "最低可接受承诺"),
    "info_needed": ("Find out", "需获取的信息"),
    "red_flags": ("Red flags", "风险提示"),
    "danger": ("RISK", "风险"),
    "caution": ("CHECK", "注意"),
    "gap": ("GAP", "缺项"),
    "attendees": ("Attendees", "参会人员"),
    "our_team": ("Our team", "我方"),
    "col_person": ("Name / title", "姓名 / 职位"),
    "col_roles": ("Role in decision", "决策角色"),
    "col_attitude": ("Attitude / influence", "态度 / 影响力"),
    "col_style": ("Style · how to pitch", "沟通风格 · 沟通建议"),
    "influence_level": ("{level} influence", "影响力: {level}"),
    "decision_map": ("Decision map", "决策圈地图"),
    "attending": ("in this meeting", "参加本次拜访"),
    "influence_bars": ("influence", "影响力"),
    "map_focus": (
        "{shown} of {total} people: those in this meeting, their managers up to the top, "
        "the decision makers and those with a red flag. The whole circle: map sheets at the end.",
        "共 {total} 人,此处显示 {shown} 人:参加本次拜访的人、其上级直至最高层、"
        "决策者和有风险提示的人。"
        "完整决策圈见文末地图。",
    ),
    "map_sheet": (
        "Decision map, sheet {sheet} of {sheets}",
        "决策圈地图 第 {sheet} 张,共 {sheets} 张",
    ),
    "map_continues": ("continues on sheet {sheets}", "续见第 {sheets} 张"),
    "snapshot": ("Account snapshot", "客户概况"),
    "segment": ("Segment code", "客户细分"),
    "pyramid": ("Pyramid tier", "客户金字塔"),
    "buying_behaviour": ("Buying behaviour", "购买行为"),
    "budget": ("Budget", "预算"),
    "budget_confirmed_by": ("confirmed by {who}", "已确认: {who}"),
    "budget_not_confirmed": ("not confirmed", "未确认"),
    "budget_none": ("no budget", "无预算"),
    "budget_amount_unknown": ("exists, amount not known yet", "有预算, 金额未知"),
    "source_of_funds": ("Source of funds", "资金来源"),
    "timeline": ("Timeline", "采购时间表"),
    "expected_close": ("Expected close", "预计成交"),
    "decision_process": ("Decision process", "决策流程"),
    "tender": ("Tender", "招标"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "competitors": ("Competitors", "竞争对手"),
    "col_competitor": ("Competitor", "竞争对手"),
    "col_their_strengths": ("Their strengths", "对手优势"),
    "col_their_weaknesses": ("Their weaknesses", "对手劣势"),
    "col_strategy": ("Our strategy", "我方策略"),
    "insider": ("Insider: {level}", "内线: {level}"),
    "insider_yes": ("has an insider", "有内线"),
    "insider_no": ("no insider", "无内线"),
    "value_statement": ("Value statement", "价值陈述"),
    "vs_who": ("Who we are", "我们是谁"),
    "vs_what": ("What we want to do", "本次要做什么"),
    "vs_why": ("Why it is worth their time", "为什么值得花时间"),
    "reference": ("Proof / reference", "事实 / 参考案例"),
    "question_plan": ("Question plan", "提问计划"),
    "col_step": ("Step / type", "步骤 / 类型"),
    "col_question": ("Question", "问题"),
    "col_ask": ("Ask", "提问对象"),
    "objections": ("Anticipated objections", "预判的客户异议"),
    "col_objection": ("The customer may say", "客户可能说"),
    "col_response": ("Prepared response", "准备的回应"),
    "method": ("Method", "方法"),
    "fab": ("FAB points", "FAB 要点"),
    "for_need": ("Need: {need}", "对应需求: {need}"),
    "next_action": ("Proposed next action", "提议的下一步"),
    "close_plan": ("Close plan", "收尾计划"),
    "notes": ("Notes", "笔记"),
    "ics_plan": ("Plan", "拜访计划"),
    "ics_questions": ("{n} planned questions", "已准备 {n} 个问题"),
    "owner": ("Owner: {name}", "负责人: {name}"),
    "page": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "confidential": ("Confidential · internal use only", "内部资料 · 请勿外传"),
    # The deal's negotiation card and coaches (issue 16, items 3 and 4).
    "negotiation": ("Negotiation", "商务谈判"),
    "neg_phase": ("Phase", "谈判阶段"),
    "payment_terms": ("Payment terms", "付款方式"),
    "walk_away": ("Walk-away line", "底线"),
    "concessions": ("Concessions", "让步"),
    "conceded": ("we gave: {text}", "我方让步: {text}"),
    "obtained": ("we received: {text}", "对方让步: {text}"),
    "competitor_moves": ("Competitor moves", "竞争对手动向"),
    "countermeasure": ("Our countermeasure", "我方对策"),
    "coaches": ("Coaches: what to bring or ask", "线人：带什么、问什么"),
    "coach_bring": ("Bring / ask: {text}", "带上 / 问: {text}"),
    "coach_try": ("Trust: try {method}.", "建立信赖: 试试{method}。"),
    "stalled": ("Stalled: {reason}", "停滞：{reason}"),
    "outside": ("Influencers outside the account", "客户外部的影响者"),
    "our_side": ("our side", "我方"),
    "referrals": ("Referrals “1+2”", "转介绍“1+2”"),
    "referral_ask": ("Ask for", "请求介绍"),
    "referral_got": ("Received", "已获得"),
    "referral_free": (
        "{n} of 2 referrals still to ask: a satisfied customer introduces two more.",
        "还有 {n} 个转介绍名额（共 2 个）可请求：1 个满意的客户带来 2 个价值客户。",
    ),
    "since_last": ("Since the last visit", "上次拜访以来"),
    "since_commitment": ("Commitment given", "客户承诺"),
    "since_steps": ("Open next steps", "未完成的下一步"),
    "since_objections": ("Unresolved objections", "未解决的异议"),
    "since_needs": ("Needs found", "发现的需求"),
    "since_maybe": ("Still “maybe”", "仍为“也许”"),
    # The manager's review of the plan (issue 17).
    "review": ("Manager review", "经理审阅"),
    "reviewed_by": ("Reviewed by {name} · {date}", "已由 {name} 审阅 · {date}"),
    "review_not_marked": ("Not marked reviewed yet", "尚未标记为已审阅"),
    "review_plan": ("The plan", "整体计划"),
}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def label(key: str, lang: str, **params: object) -> str:
    """The caption ``key`` in ``lang`` ("zh…" is Chinese, anything else English)."""
    en, zh = LABELS[key]
    text = zh if lang.startswith("zh") else en
    return text.format(**params) if params else text
