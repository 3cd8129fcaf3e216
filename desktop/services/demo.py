"""A realistic, bilingual demo account so a new user can see every screen filled in.

The story: a rep at ZhiLink Cloud (智联云工), which sells an industrial IoT / MES platform, is
working a deal at a mid-size Suzhou manufacturer. The main opportunity is at stage C (solution
proof): a POC review two weeks ago moved it from B to C, and tomorrow at 10:00 the rep presents
the phase-one proposal to the project group. The IT director pushes an in-house build, finance
pushes on price, and the production side is the champion. Everything is created in one
transaction by ``load_demo``; dates are relative to ``today`` so the demo never looks stale.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.segment import segment_code
from desktop.services.demo_cockpit import add_cockpit
from desktop.store.database import Database
from desktop.store.models import (
    Account,
    Attendee,
    BuyingRole,
    Competitor,
    Contact,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    PlannedQuestion,
    Visit,
)

ACCOUNT_NAME = "苏州恒远精密制造有限公司"
ACCOUNT_ALT_NAME = "Suzhou Hengyuan Precision Manufacturing Co., Ltd."
MAIN_OPPORTUNITY_NAME = "MES 与设备联网一期项目 (MES & IIoT Phase 1)"
SECOND_OPPORTUNITY_NAME = "供应链协同平台 SRM 供应商门户 (Supplier portal)"
UPCOMING_VISIT_TITLE = "方案论证会:MES 一期方案汇报 + 设备联网 Demo"
PAST_VISIT_TITLE = "POC 结果回顾会 (POC review)"
TIMEZONE = "Asia/Shanghai"

# Our side of the table.
REP = "陈嘉怡 (Jiayi Chen)"
ARCHITECT = "赵磊 (Leo Zhao)"

_MAIL = "hengyuan-precision.com.cn"

# The customer's people. "reports_to" names another entry's key; the tree is three levels deep.
# "last_contact" is a number of days before today.
CONTACTS: tuple[dict[str, Any], ...] = (
    {
        "key": "gm",
        "name": "王建国",
        "title": "总经理 General Manager",
        "department": "总经办",
        "reports_to": None,
        "phone_office": "0512 6588 1001",
        "phone_mobile": "139 1554 2088",
        "email": f"wangjianguo@{_MAIL}",
        "wechat": "wjg_hengyuan",
        "communication_style": "controlling",
        "decision_style": "rational",
        "background": "原苏州机床厂车间主任, 2003 年创办恒远; 中欧 EMBA。作风强势, "
        "只看结果和回报周期。",
        "priorities": ["results", "risk", "price"],
        "business_needs": ["grow_sales", "market_share"],
        "personal_needs": ["prestige"],
        "needs_notes": "目标三年内成为博世、大陆的 A 级供应商; 设备投资要求回收期 < 2 年。",
        "relationship_notes": "只在展会上见过一次 (5 分钟)。约时间要通过李娜。爱打高尔夫; "
        "儿子在德国读机械工程。",
        "last_contact": 60,
    },
    {
        "key": "cfo",
        "name": "刘芳",
        "title": "财务总监 CFO",
        "department": "财务部",
        "reports_to": "gm",
        "phone_office": "0512 6588 1008",
        "phone_mobile": "138 6211 7305",
        "email": f"liufang@{_MAIL}",
        "wechat": "liufang_cfo",
        "communication_style": "analyzing",
        "decision_style": "rational",
        "background": "注册会计师 (CPA), 曾在四大会计师事务所苏州所工作 8 年, 2016 年加入恒远。",
        "priorities": ["price", "risk", "details"],
        "business_needs": ["cut_cost"],
        "personal_needs": ["job_security"],
        "needs_notes": "要 ROI 测算表和分期付款方案; 关心苏州市智能制造示范车间补贴能否申请到。",
        "relationship_notes": "说话直接, 喜欢看数据表格; 微信回复快, 只谈正事。",
        "last_contact": 21,
    },
    {
        "key": "cio",
        "name": "张伟",
        "alt_name": "David Zhang",
        "title": "IT总监 CIO",
        "department": "信息技术部",
        "reports_to": "gm",
        "phone_office": "0512 6588 1020",
        "phone_mobile": "137 7188 3021",
        "email": f"david.zhang@{_MAIL}",
        "wechat": "davidzhang_it",
        "communication_style": "controlling",
        "decision_style": "rational",
        "background": "上海交大计算机硕士; 在 SAP 实施伙伴做顾问 6 年; 2019 年加入, 主导用友 U8 "
        "ERP 上线。",
        "priorities": ["details", "risk", "recognition"],
        "business_needs": ["streamline_process"],
        "personal_needs": ["prestige", "job_security"],
        "needs_notes": "主张 IT 部自研 MES (5 人小组已做过报工小程序); "
        "担心外部平台削弱 IT 部话语权。",
        "relationship_notes": "技术型, 喜欢聊架构, 对销售有戒心。"
        "POC 评审会上质疑过我们的数据安全方案。与 Kessler 上海实施伙伴的项目经理是前同事。",
        "last_contact": 14,
    },
    {
        "key": "vp_ops",
        "name": "王磊",
        "title": "生产副总 VP Operations",
        "department": "生产运营部",
        "reports_to": "gm",
        "phone_office": "0512 6588 1030",
        "phone_mobile": "135 0512 8866",
        "email": f"wanglei@{_MAIL}",
        "wechat": "wanglei_ops",
        "communication_style": "advocating",
        "decision_style": "emotional",
        "background": "江苏大学机械工程本科; 在恒远 15 年, 从工艺工程师做起。本项目发起人。",
        "priorities": ["results", "innovation", "recognition"],
        "business_needs": ["streamline_process", "better_service"],
        "personal_needs": ["promotion", "prestige"],
        "needs_notes": "想在年底把 2 条 CNC 线做成“智能制造示范车间”, 作为接任执行总经理的业绩。",
        "relationship_notes": "热情, 喜欢新东西; 参加过我们去年的上海智能工厂峰会。爱聊足球 "
        "(苏州东吴)。",
        "last_contact": 3,
    },
    {
        "key": "assistant",
        "name": "李娜",
        "title": "总经理助理",
        "department": "总经办",
        "reports_to": "gm",
        "phone_office": "0512 6588 1002",
        "phone_mobile": "186 2155 4910",
        "email": f"lina@{_MAIL}",
        "wechat": "lina_hy",
        "communication_style": "facilitating",
        "decision_style": "emotional",
        "background": "苏州大学英语专业; 负责总经理日程和对外接待, 入职 5 年。",
        "priorities": ["relationship", "service"],
        "business_needs": ["better_service"],
        "personal_needs": ["free_time"],
        "needs_notes": "希望供应商省心: 资料提前发, 时间不要临时改。",
        "relationship_notes": "为人热心; 每次拜访前都先和她确认。知道总经理的日程和情绪。",
        "last_contact": 7,
    },
    {
        "key": "purchasing",
        "name": "周敏",
        "title": "采购经理 Purchasing Manager",
        "department": "采购部",
        "reports_to": "cfo",
        "phone_office": "0512 6588 1015",
        "phone_mobile": "159 6220 1347",
        "email": f"zhoumin@{_MAIL}",
        "wechat": "zhoumin_purchase",
        "communication_style": "facilitating",
        "decision_style": "rational",
        "background": "物流管理专业, 做采购 12 年, 之前在一家台资电子厂。负责组织邀请招标。",
        "priorities": ["price", "service", "relationship"],
        "business_needs": ["cut_cost"],
        "personal_needs": ["job_security"],
        "needs_notes": "招标要合规, 至少 3 家比价; 付款条件按公司标准 (验收后 90 天)。",
        "relationship_notes": "公事公办; 采购过 Kessler 的 PLM, 对其印象不错。",
        "last_contact": 30,
    },
    {
        "key": "production",
        "name": "孙浩",
        "title": "生产部经理 Production Manager",
        "department": "生产运营部",
        "reports_to": "vp_ops",
        "phone_office": "0512 6588 1033",
        "phone_mobile": "138 1234 5678",
        "email": f"sunhao@{_MAIL}",
        "wechat": "sunhao_cnc",
        "communication_style": "facilitating",
        "decision_style": "emotional",
        "background": "苏州工业职业技术学院大专; 从 CNC 操机工做起, 管 3 条 CNC 线、180 人。",
        "priorities": ["results", "details", "relationship"],
        "business_needs": ["streamline_process", "cut_cost"],
        "personal_needs": ["free_time", "keeping_up"],
        "needs_notes": "每天花 2 小时汇总报工和 OEE 的 Excel; 夜班设备停机没人知道。",
        "relationship_notes": "POC 期间每周一起吃饭; 爱钓鱼, 女儿今年高考。最可靠的线人。",
        "last_contact": 2,
    },
    {
        "key": "quality",
        "name": "赵晓燕",
        "title": "质量部经理 Quality Manager",
        "department": "质量部",
        "reports_to": "vp_ops",
        "phone_office": "0512 6588 1040",
        "phone_mobile": "150 1623 7789",
        "email": f"zhaoxiaoyan@{_MAIL}",
        "wechat": "xiaoyan_qa",
        "communication_style": "analyzing",
        "decision_style": "rational",
        "background": "材料学硕士, IATF 16949 内审员; 3 年前从一家外资汽配厂跳槽过来。",
        "priorities": ["details", "risk", "results"],
        "business_needs": ["better_service"],
        "personal_needs": ["keeping_up"],
        "needs_notes": "主机厂要求追溯到单件; 现在靠纸质流转卡, 一次客诉追溯要 3 天。",
        "relationship_notes": "还没单独见过; 只在 POC 演示会上提过追溯问题。态度不明。",
        "last_contact": 45,
    },
    {
        "key": "planner",
        "name": "吴涛",
        "title": "生产计划主管 PMC Supervisor",
        "department": "生产运营部",
        "reports_to": "vp_ops",
        "phone_office": "0512 6588 1035",
        "phone_mobile": "151 9012 3456",
        "email": f"wutao@{_MAIL}",
        "wechat": "wutao_pmc",
        "communication_style": "advocating",
        "decision_style": "emotional",
        "background": "工业工程专业, 32 岁, 排产和物料齐套都归他管; 年轻、想法多。",
        "priorities": ["innovation", "results"],
        "business_needs": ["streamline_process"],
        "personal_needs": ["promotion", "keeping_up"],
        "needs_notes": "排产靠 Excel, 插单一来就要重排半天; 想要实时的设备状态。",
        "relationship_notes": "POC 时主动要我们的排产看板截图, 发在部门群里。",
        "last_contact": 10,
    },
    {
        "key": "architect",
        "name": "黄志强",
        "alt_name": "Kevin Huang",
        "title": "IT系统架构师 (自研小组负责人)",
        "department": "信息技术部",
        "reports_to": "cio",
        "phone_office": "0512 6588 1022",
        "phone_mobile": "188 5126 0934",
        "email": f"kevin.huang@{_MAIL}",
        "wechat": "kevinhuang_dev",
        "communication_style": "analyzing",
        "decision_style": "rational",
        "background": "南京理工大学软件工程; Java / Python 开发 8 年, 用友 U8 "
        "二开和报工小程序都是他做的。",
        "priorities": ["details", "innovation"],
        "business_needs": ["streamline_process"],
        "personal_needs": ["keeping_up"],
        "needs_notes": "想学新技术; 对我们的开放 API 和低代码平台感兴趣。",
        "relationship_notes": "POC 时主动要 API 文档, 私下认可边缘网关; 但不会公开和张伟唱反调。",
        "last_contact": 10,
    },
)

# Each contact's part in the main opportunity: (roles, attitude, influence, notes).
MAIN_ROLES: dict[str, tuple[list[str], str, str, str]] = {
    "gm": (["decision_maker"], "neutral", "high", "最终拍板; 尚未单独拜访, 需王磊或李娜引荐。"),
    "cfo": (["technical_expert"], "neutral", "high", "财务把关, 有否决权; 价格异议主要来自她。"),
    "cio": (
        ["technical_expert", "influencer"],
        "opponent",
        "high",
        "内部力推自研; 评标技术分由他打。不要对立, 争取让他做项目技术负责人。",
    ),
    "vp_ops": (["user", "influencer"], "supporter", "high", "项目发起人, 我们的 champion。"),
    "assistant": (["coach"], "supporter", "low", "能告诉我们总经理的日程和态度。"),
    "purchasing": (["influencer"], "neutral", "medium", "组织邀请招标, 控制比价和付款条款。"),
    "production": (["user", "coach"], "supporter", "medium", "POC 现场负责人, 主要线人。"),
    "quality": (["user"], "unknown", "medium", "追溯需求的真正 owner, 需要尽快见面。"),
    "planner": (["user"], "supporter", "low", "排产看板的用户, 在部门里替我们说话。"),
    "architect": (["technical_expert"], "neutral", "low", "技术评估具体执行人; 可发展为第二线人。"),
}

SECOND_ROLES: dict[str, tuple[list[str], str, str, str]] = {
    "cfo": (["decision_maker"], "neutral", "high", "系统类采购在 100 万以下由 CFO 审批。"),
    "purchasing": (["user", "influencer"], "neutral", "medium", "外协跟催是采购部的痛点。"),
    "planner": (["user"], "supporter", "low", "夜班待料的直接受害者。"),
}

SEGMENT_INPUTS = {"recognition": "E", "pain": "1", "status": "B", "profit_tier": "2"}


def load_demo(db: Database, *, today: dt.date | None = None) -> int:
    """Create the demo account with its people, opportunities and visits; return the account id.

    Everything is written in one transaction: either the whole demo exists afterwards or none
    of it does. Calling it again creates a second, independent copy.
    """
    today = today or dt.date.today()
    with db.write() as session:
        account = _account()
        session.add(account)
        session.flush()
        contacts = _contacts(session, account.id, today)
        main = _main_opportunity(account.id, contacts, today)
        second = _second_opportunity(account.id, contacts, today)
        session.add_all([main, second])
        session.flush()
        past = _past_visit(session, main.id, contacts, today)
        _upcoming_visit(session, main.id, contacts, today)
        session.flush()
        add_cockpit(session, main, second, past, today)
        return account.id


def _account() -> Account:
    seg = SEGMENT_INPUTS
    return Account(
        name=ACCOUNT_NAME,
        alt_name=ACCOUNT_ALT_NAME,
        industry="精密机械加工 / 汽车零部件 (Precision machining, automotive Tier-2)",
        city="苏州 Suzhou",
        address="江苏省苏州市吴中区吴中经济开发区塘东路 88 号 (邮编 215124)",
        website="https://www.hengyuan-precision.com.cn",
        headcount=1200,
        annual_revenue=860_000_000,
        currency="CNY",
        main_business="汽车发动机和变速箱精密零件 (阀体、壳体) 约占 70%; 3C 铝合金精密结构件约占 "
        "30%。3 条 CNC 线共 146 台设备 (FANUC 60%、三菱 25%、华中数控 15%)。",
        industry_position="长三角汽配二级供应商中的第一梯队; 主要客户是博世、大陆的一级供应商。"
        "正在争取成为主机厂直供 (Tier-1)。",
        org_structure="总经理王建国下设生产运营部 (王磊, 含生产、质量、PMC)、财务部 (刘芳, 含采购)"
        "、信息技术部 (张伟, 6 人)、总经办。数字化项目由“数字化项目委员会”评审。",
        history="2003 年由王建国创办, 2012 年搬入吴中开发区新厂; 2018 年通过 IATF 16949; 2021 "
        "年上线用友 U8 ERP; 去年获评苏州市“专精特新”企业。",
        past_cooperation="尚未签约。去年王磊参加了我们的上海智能工厂峰会; 今年在 2 号线做了 4 "
        "周免费 POC (Edge 网关 + OEE 看板), 结果良好。",
        opinion_of_us="生产部认可我们的设备联网能力和响应速度; IT 部认为我们是“又一家卖软件的”, "
        "担心锁定; 财务觉得价格偏高。总经理对我们了解不多。",
        category_spend=6_500_000,
        buying_behaviour="trusted_supplier",
        customer_type="value_added",
        pyramid_tier="key",
        buying_cycle_stage="evaluation",
        cvm_phase="develop",
        seg_status=seg["status"],
        seg_profit_tier=seg["profit_tier"],
        seg_recognition=seg["recognition"],
        seg_pain=seg["pain"],
        segment_code=segment_code(
            seg["recognition"], seg["pain"], seg["status"], seg["profit_tier"]
        ),
        notes="Demo 客户 — 可随意修改或删除。关键提醒: 张伟 (IT) 是高影响力反对者, 总经理尚未接触; "
        "明年博世审核是项目的时间窗口。",
    )


def _contacts(session: Session, account_id: int, today: dt.date) -> dict[str, Contact]:
    """Add the contacts level by level, so each manager has an id before their reports."""
    made: dict[str, Contact] = {}
    pending = list(CONTACTS)
    while pending:
        level = [c for c in pending if c["reports_to"] is None or c["reports_to"] in made]
        for data in level:
            fields = {k: v for k, v in data.items() if k not in ("key", "reports_to")}
            boss = data["reports_to"]
            contact = Contact(
                account_id=account_id,
                reports_to_id=made[boss].id if boss else None,
                **{**fields, "last_contact": today - dt.timedelta(days=data["last_contact"])},
            )
            session.add(contact)
            made[data["key"]] = contact
        session.flush()
        pending = [c for c in pending if c["key"] not in made]
    return made


def _roles(
    contacts: dict[str, Contact], table: dict[str, tuple[list[str], str, str, str]]
) -> list[BuyingRole]:
    return [
        BuyingRole(
            contact_id=contacts[key].id,
            roles=list(roles),
            attitude=attitude,
            influence=influence,
            notes=notes,
        )
        for key, (roles, attitude, influence, notes) in table.items()
    ]


def _qa(answer: str, note: str) -> dict[str, str]:
    return {"answer": answer, "note": note}


def _main_opportunity(account_id: int, contacts: dict[str, Contact], today: dt.date) -> Opportunity:
    return Opportunity(
        account_id=account_id,
        name=MAIN_OPPORTUNITY_NAME,
        stage="C",
        budget_exists=True,
        budget_amount=3_800_000,
        budget_currency="CNY",
        budget_source="年度数字化转型专项预算 (董事会已批) + 苏州市智能制造示范车间补贴 (可覆盖约 "
        "30%, 需项目验收后申报)。",
        budget_confirmed_by="刘芳 (CFO) 在 POC 回顾会后口头确认; 孙浩事先透露",
        purchase_timeline="本季度完成选型和邀请招标; 下季度一期上线 2 条 CNC 线; "
        "明年博世审核前完成追溯。",
        expected_close=today + dt.timedelta(days=75),
        is_tender=True,
        lead_department="生产运营部 (Operations)",
        deciding_department="数字化项目委员会 / 总经办",
        decision_process="committee",
        decision_steps=[
            "生产运营部提出需求并立项 (王磊)",
            "信息技术部技术评估 + 用友 U8 接口联调 (张伟、黄志强)",
            "采购部组织 3 家邀请招标 (周敏)",
            "数字化项目委员会评标: 总经理、CFO、CIO、生产副总",
            "总经理王建国签批合同",
        ],
        pains="1) OEE 靠手工 Excel 统计, 滞后 2 天, 夜班停机无人知晓 (POC 实测 2 号线 OEE 仅 58%, "
        "手工报表是 72%)。2) 质量追溯靠纸质流转卡, 去年一次批量客诉追溯花了 3 天, 被客户索赔约 120 "
        "万元。3) 主机厂审核要求单件级数字化追溯, 否则影响明年定点。",
        qualification={
            "clear_pain": _qa("yes", "OEE 不透明 + 追溯慢, POC 数据已量化。"),
            "budget": _qa("yes", "380 万, 刘芳已确认。"),
            "buying_habit": _qa("yes", "有采购软件的习惯: 用友 U8、Kessler PLM。"),
            "recognises_expertise": _qa("yes", "生产部认可; IT 部尚不认可。"),
            "top_level_support": _qa("unknown", "总经理未表态, 只知道他要求“明年审核前解决追溯”。"),
            "risk_acceptable": _qa("yes", "一期只做 2 条线, 实施风险可控。"),
            "payment_risk": _qa("no", "财务稳健, 但要求验收后 90 天付款。"),
            "worth_it": _qa("yes", "一期 380 万, 二期预计再 300 万 + 每年维保。"),
            "timeline": _qa("yes", "年底示范车间验收 + 明年博世审核, 时间窗口明确。"),
            "tender": _qa("yes", "邀请招标, 3 家: 我们、Kessler、杭州数衡。"),
            "lead_department": _qa("yes", "生产运营部牵头, 王磊负责。"),
            "decision_maker_known": _qa("yes", "王建国; 委员会评标后由他签批。"),
        },
        risk_notes="IT 总监张伟反对 (主张自研), 影响力高; 总经理层面没有关系; 邀请招标可能被压价; "
        "付款条件验收后 90 天, 回款周期长。",
        our_strengths="POC 在 2 号线跑了 4 周, 数据准确率 98%; 生产部 (王磊、孙浩) 支持; "
        "苏州本地实施团队; 常州同行参考客户; 原生支持 FANUC / 三菱 / 华中数控。",
        our_weaknesses="报价高于国内对手; 与 IT 部关系弱; 未接触总经理; 在汽配圈品牌不如德国厂商。",
        roles=_roles(contacts, MAIN_ROLES),
        competitors=[
            Competitor(
                position=0,
                name="Kessler Industriesoftware GmbH (凯斯勒, 德国)",
                strengths="品牌强, 全球汽配案例多; 功能全; 采购部买过其 PLM, 印象好。",
                weaknesses="报价约 520 万 + 每年 18% 维保; 实施 9–12 个月; 本地实施靠第三方伙伴, "
                "二次开发贵, 对国产数控系统支持弱。",
                has_insider=True,
                insider_level="中高层: 张伟与其上海实施伙伴的项目经理是前同事; 周敏对其印象好",
                our_strengths="价格约为其 65%; 12 周上线; 苏州本地团队; 支持华中数控。",
                our_weaknesses="品牌知名度低; 缺少德系主机厂直接认证的案例。",
                strategy="不比功能清单, 比上线速度和 3 年 TCO; 用常州瑞拓案例证明汽配经验; "
                "把“本地服务响应 4 小时”写进评分标准。",
            ),
            Competitor(
                position=1,
                name="杭州数衡科技 (Shuheng MES)",
                strengths="价格最低 (报价约 260 万); 长三角中小厂案例多; 销售跑得勤。",
                weaknesses="产品偏标准报工, 设备联网靠外包; 没有 IATF 单件追溯模块; 公司 80 人, "
                "交付风险大。",
                has_insider=False,
                insider_level="",
                our_strengths="原生设备联网; 追溯满足 IATF 16949; 300 人交付团队。",
                our_weaknesses="报价高约 45%。",
                strategy="把评估标准引向“设备联网 + 单件追溯” (请孙浩、赵晓燕在评分表中加权); "
                "用分期付款和补贴申报服务抵消价差。",
            ),
            Competitor(
                position=2,
                name="恒远 IT 部自研 (In-house IT team)",
                strengths="张伟力推; 没有许可费; 完全贴合内部流程; 已有 5 人小组和报工小程序。",
                weaknesses="没有设备驱动和边缘采集经验; 估计 18 个月以上; 核心只有黄志强一人, "
                "人员流失风险; 缺行业最佳实践。",
                has_insider=True,
                insider_level="高层: IT 总监张伟本人",
                our_strengths="12 周上线一期; 开放 API + 低代码, IT 部可以参与二开。",
                our_weaknesses="IT 部担心失去主导权和岗位价值。",
                strategy="不与 IT 部对立: 提“平台 + 自研”分工 — 我们做平台和设备联网, IT 部负责 U8 "
                "集成和报表二开, 并给黄志强团队做认证培训; 让张伟当项目技术负责人。",
            ),
        ],
    )


def _second_opportunity(
    account_id: int, contacts: dict[str, Contact], today: dt.date
) -> Opportunity:
    return Opportunity(
        account_id=account_id,
        name=SECOND_OPPORTUNITY_NAME,
        stage="A",
        budget_exists=None,
        budget_currency="CNY",
        purchase_timeline="明年上半年评估, 视 MES 一期效果而定。",
        expected_close=today + dt.timedelta(days=240),
        is_tender=False,
        lead_department="采购部",
        deciding_department="财务部",
        decision_process="individual",
        decision_steps=["采购部提需求", "CFO 审批 (100 万以下)"],
        pains="约 40 家外协加工厂的交期靠电话和微信跟催; 到料不准导致夜班待料。",
        qualification={
            "clear_pain": _qa("yes", "吴涛和周敏都提过夜班待料。"),
            "budget": _qa("unknown", "今年没有预算, 明年再看。"),
            "top_level_support": _qa("unknown", ""),
            "decision_maker_known": _qa("yes", "刘芳。"),
        },
        risk_notes="依赖 MES 一期能否成功; 现在推太早会分散注意力。",
        our_strengths="与 MES 同一平台, 数据打通。",
        our_weaknesses="SRM 模块在汽配行业案例少。",
        roles=_roles(contacts, SECOND_ROLES),
    )


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _value_statement(who: str, what: str, why: str) -> str:
    return f"{who}{what}{why}"


def _past_visit(
    session: Session, opportunity_id: int, c: dict[str, Contact], today: dt.date
) -> Visit:
    day = today - dt.timedelta(days=14)
    vs_who = "我们是智联云工 (ZhiLink Cloud), 刚在 2 号线陪大家跑完 4 周 POC。"
    vs_what = "今天想用 2 小时一起看 POC 数据, 确认恒远最想先解决的问题。"
    vs_why = "POC 已经找出 2 号线每天约 3 小时的隐性停机, 这些数字可以直接变成一期项目的依据。"
    visit = Visit(
        opportunity_id=opportunity_id,
        title=PAST_VISIT_TITLE,
        starts_at=_at(day, 14),
        timezone=TIMEZONE,
        duration_min=120,
        place="恒远精密 2 号厂房 二楼生产会议室",
        status="done",
        research_notes="POC 4 周: 2 号线 38 台设备接入 Edge 网关; 实测 OEE 58%, 手工报表 72%。",
        objective="让生产部认可 POC 结果, 并同意进入方案阶段。",
        best_commitment="王磊同意安排方案论证会, 邀请 CFO 和 IT 参加。",
        min_commitment="孙浩提供 3 条 CNC 线设备清单, 供我们做一期方案。",
        info_needed="预算金额和来源; 决策流程; 是否招标。",
        logistics="下午 2 点到厂; 赵磊带 POC 报告 (打印 5 份) 和大屏演示账号。",
        vs_who=vs_who,
        vs_what=vs_what,
        vs_why=vs_why,
        value_statement=_value_statement(vs_who, vs_what, vs_why),
        reference="POC 报告 + 常州瑞拓 OEE 提升曲线。",
        consult_notes="重点用 SPIN 的暗示问题把“隐性停机”放大到交期和客诉。",
        next_action="deeper_meeting",
        next_action_detail="两周内向项目小组 (王磊、张伟、刘芳、孙浩) 汇报一期方案。",
        close_technique="summary",
        close_plan="总结 POC 的三个发现, 然后直接问: 下次方案汇报能否请刘总和张总一起参加?",
        checklist={
            "prepare": ["research_customer", "set_goals", "confirm_logistics"],
            "open": ["credential", "meeting_purpose", "customer_value"],
            "consult": ["open_questions", "notes_taken", "quantified"],
            "propose": ["next_action_chosen", "participants_named"],
            "close": ["asked_commitment", "next_step_agreed", "call_report"],
        },
        quick_notes="王磊: “58% 这个数我信, 夜班确实没人管。” 张伟问数据存在哪里 → 可本地部署。",
        report_outcome="POC 数据获王磊认可: 2 号线 OEE 实际 58%, 主要损失在换型和夜班待料。"
        "王磊同意进入方案论证, 要求两周内汇报一期方案 (2 条 CNC 线 + 质量追溯)。"
        "张伟提出数据安全和自研的问题, 未表态。预算 380 万 (数字化专项), 会后刘芳在微信上确认。",
        report_commitment="best",
        report_commitment_notes="最佳承诺达成: 王磊同意安排方案论证会并邀请 CFO 与 IT 参加; "
        "孙浩当场答应提供设备清单。",
        report_stage_before="B",
        report_stage_after="C",
        report_completed_at=_at(day, 19, 10),
        attendees=[
            Attendee(position=0, contact_id=c["vp_ops"].id),
            Attendee(position=1, contact_id=c["production"].id),
            Attendee(position=2, contact_id=c["cio"].id),
            Attendee(position=3, contact_id=c["architect"].id),
            Attendee(position=4, name=REP, meeting_role="客户经理, 主持"),
            Attendee(position=5, name=ARCHITECT, meeting_role="解决方案架构师, 讲 POC 数据"),
        ],
        questions=[
            PlannedQuestion(
                position=0,
                framework="spin",
                step="situation",
                text="现在 OEE 报表是谁做、多久出一次?",
                target_contact_id=c["production"].id,
                asked=True,
                answer="班组长手填, 统计员每天汇总, 滞后 2 天。",
            ),
            PlannedQuestion(
                position=1,
                framework="spin",
                step="implication",
                text="夜班每天 3 小时的隐性停机, 对月底交期有什么影响?",
                target_contact_id=c["vp_ops"].id,
                asked=True,
                answer="上个月两次延期交付, 被客户扣了质量分。",
            ),
            PlannedQuestion(
                position=2,
                framework="eric",
                step="refine",
                text="今年的数字化预算大概多少? 从哪里出?",
                target_contact_id=c["vp_ops"].id,
                asked=True,
                answer="数字化专项约 380 万, 可以申请市里的示范车间补贴。",
            ),
            PlannedQuestion(
                position=3,
                framework="eric",
                step="confirm",
                text="我理解一期先做 2 条 CNC 线的 OEE 和追溯, 对吗?",
                target_contact_id=c["vp_ops"].id,
                asked=True,
                answer="对, 3 号线明年再说。",
            ),
            PlannedQuestion(
                position=4,
                framework="spin",
                step="problem",
                text="IT 部在维护报工小程序时遇到的最大困难是什么?",
                target_contact_id=c["cio"].id,
                asked=False,
            ),
        ],
        next_steps=[
            NextStep(
                position=0,
                description="发送 POC 报告和 OEE 对比数据 (中英文版)",
                owner=REP,
                due_date=day + dt.timedelta(days=2),
                done=True,
            ),
            NextStep(
                position=1,
                description="提供 3 条 CNC 线设备清单 (型号、数控系统、通讯口)",
                owner="孙浩 (恒远)",
                due_date=day + dt.timedelta(days=5),
                done=True,
            ),
            NextStep(
                position=2,
                description="预约方案论证会, 经李娜确认会议室和时间",
                owner=REP,
                due_date=day + dt.timedelta(days=7),
                done=True,
            ),
            NextStep(
                position=3,
                description="请常州瑞拓 IT 经理确认可接待参观",
                owner=ARCHITECT,
                due_date=today + dt.timedelta(days=5),
                done=False,
            ),
        ],
    )
    session.add(visit)
    return visit


def _upcoming_visit(
    session: Session, opportunity_id: int, c: dict[str, Contact], today: dt.date
) -> Visit:
    vs_who = (
        "我们是智联云工 (ZhiLink Cloud), 过去三年为长三角 60 多家汽配和精密加工企业做了 MES "
        "和设备联网, 包括常州瑞拓汽车零部件。"
    )
    vs_what = (
        "今天想用 90 分钟, 把 POC 结果变成一期方案: 2 条 CNC 线的实时 OEE + 单件质量追溯, "
        "并听听各位对方案和实施分工的意见。"
    )
    vs_why = (
        "瑞拓上线 18 个月, OEE 提升了 12 个百分点, 客诉追溯从 3 天缩短到 15 分钟 — "
        "恒远明年面对博世审核, 同样的能力可以直接保住定点。"
    )
    visit = Visit(
        opportunity_id=opportunity_id,
        title=UPCOMING_VISIT_TITLE,
        starts_at=_at(today + dt.timedelta(days=1), 10),
        timezone=TIMEZONE,
        duration_min=90,
        place="恒远精密 行政楼 3 楼第一会议室 (苏州吴中区塘东路 88 号)",
        status="ready",
        research_notes="恒远: 1,200 人, 年营收约 8.6 亿元, 汽配二级供应商 + 3C 结构件。"
        "3 条 CNC 线 146 台设备 (FANUC 60%、三菱 25%、华中数控 15%)。ERP 用友 U8 (张伟主导)。"
        "与我们: 峰会 + 4 周 POC, 生产部满意。"
        "相关方案: ZhiLink MES + Edge E200 网关 + 质量追溯模块; 参考客户: 常州瑞拓。",
        objective="获得项目小组 (王磊、张伟、刘芳) 对一期方案范围的认可, 并约定参考客户参观时间。",
        best_commitment="王磊、张伟同意下周四参观常州瑞拓; 王磊承诺参观后安排我们向王建国总"
        "经理汇报。",
        min_commitment="张伟同意由黄志强和我们做 2 周用友 U8 接口联调, 并提供评标评分表的"
        "技术部分。",
        info_needed="1) 评标评分表的权重 (技术 / 价格 / 服务); "
        "2) 张伟对“平台 + 自研”模式的真实态度; "
        "3) 总经理何时参与、最关心什么; "
        "4) 付款条件能否接受 30/60/10; "
        "5) 补贴申报截止日期。",
        logistics="9:30 到厂 (高铁苏州站打车约 35 分钟, 预留交通); 李娜已订会议室 (投影 + HDMI); "
        "赵磊带笔记本和 Edge E200 网关实物现场演示; 打印 6 份方案摘要 + ROI 测算表; "
        "访客登记需身份证。",
        vs_who=vs_who,
        vs_what=vs_what,
        vs_why=vs_why,
        value_statement=_value_statement(vs_who, vs_what, vs_why),
        reference="常州瑞拓汽车零部件有限公司 — 汽配 Tier-2, 220 台 CNC, 上线 18 个月; OEE 61%→73%;"
        " 客诉追溯 3 天→15 分钟; IT 经理钱峰同意接听电话和接待参观。",
        consult_notes="ERIC 顺序: 先探索王磊的管理痛点, 再量化 (请刘芳给罚款和返工成本), "
        "用瑞拓案例影响张伟 (“平台 + 自研”), 最后请王磊确认一期范围。SPIN: 用暗示问题放大追溯风险 "
        "(赵晓燕不在场, 由王磊转述)。注意: 不问张伟“为什么不用我们”这类质疑型问题; "
        "问刘芳数据前先说明原因 (preset)。",
        next_action="reference_visit",
        next_action_detail="邀请王磊、张伟、孙浩 (可选刘芳、黄志强) 下周四参观常州瑞拓 MES 现场, "
        "由瑞拓 IT 经理讲“平台 + 自研”的分工经验; 之后争取总经理王建国层面的决策会。",
        close_technique="milestone",
        close_plan="用里程碑收尾: “为赶上年底示范车间验收和补贴申报, 参考客户参观需要下周完成 — "
        "我们定下周四可以吗?” 问完保持沉默。若张伟犹豫, 提议黄志强一起去看 API 集成。",
        # Keys of the playbook's checklists: what the rep has ticked off while preparing.
        checklist={
            "prepare": [
                "research_customer",
                "review_relationship",
                "select_references",
                "set_goals",
                "list_info_gaps",
                "anticipate_objections",
                "confirm_logistics",
            ],
            "open": ["credential", "meeting_purpose", "customer_value", "proof_point"],
            "consult": ["open_questions"],
            "propose": ["next_action_chosen", "linked_to_need", "fab_prepared"],
            "close": ["buying_signals"],  # the signals to watch for are noted
        },
        attendees=[
            Attendee(position=0, contact_id=c["vp_ops"].id),
            Attendee(position=1, contact_id=c["cio"].id),
            Attendee(position=2, contact_id=c["cfo"].id),
            Attendee(position=3, contact_id=c["production"].id),
            Attendee(position=4, name=REP, meeting_role="客户经理: 开场、引导讨论、收尾"),
            Attendee(
                position=5, name=ARCHITECT, meeting_role="解决方案架构师: 方案讲解 + 网关 Demo"
            ),
        ],
        questions=_upcoming_questions(c),
        needs=[
            Need(
                position=0,
                contact_id=c["vp_ops"].id,
                description="实时 OEE 看板: 2 条 CNC 线的设备状态和停机原因实时可见, 不再等 2 "
                "天的手工报表。",
                scope="business",
                clarity="explicit",
                category="streamline_process",
            ),
            Need(
                position=1,
                contact_id=c["production"].id,
                description="单件质量追溯: 客诉时 15 分钟内查到批次、设备、刀具和操作员; "
                "去年一次追溯花 3 天, 索赔约 120 万。",
                scope="business",
                clarity="implicit",
                category="cut_cost",
            ),
            Need(
                position=2,
                contact_id=c["cio"].id,
                description="张伟希望数字化项目由 IT 部主导, 团队的价值被看见 (担心外部平台削弱 IT "
                "部)。",
                scope="personal",
                clarity="implicit",
                category="prestige",
            ),
        ],
        objections=[
            Objection(
                position=0,
                step="propose",
                type="price",
                nature="genuine",
                timing="immediately",
                method="compensate",
                text="你们的报价比杭州数衡高了将近 45%, 差价太大了。",
                response="理解您对投入的关注。正因为我们包含原生设备联网和 IATF 单件追溯 "
                "(数衡需另外外包), 3 年 TCO 反而低约 15%; 另外可以 30/60/10 分期, "
                "并由我们协助申报约 30% 的市补贴。我把测算表发您核对一下?",
            ),
            Objection(
                position=1,
                step="consult",
                type="need",
                nature="hidden",
                timing="before_raised",
                method="reframe",
                text="我们 IT 部自己也能开发, 没必要买外部平台。",
                response="正因为恒远有自己的开发团队, 平台才更有价值: 设备驱动和边缘采集由平台解决,"
                " 黄志强团队把精力放在 U8 集成和业务报表上, 12 周就能上线, 而 IT 部仍然是系统的 "
                "owner。瑞拓也是同样的分工。",
            ),
            Objection(
                position=2,
                step="close",
                type="timing",
                nature="excuse",
                timing="later",
                method="inquire",
                text="今年产线改造任务重, 要不明年再说吧。",
                response="先问清楚: 是担心实施占用产线时间, 还是预算排期? 若是前者, "
                "说明网关接入不停机(POC 已证明); 若是后者, 提醒明年博世审核和补贴申报的时间点。",
            ),
        ],
    )
    session.add(visit)
    session.flush()  # the FAB statements point at the needs, which need ids first
    oee, _, it_owner = visit.needs  # traceability is shown in the live demo, not a FAB
    session.add_all(
        [
            FabStatement(
                visit_id=visit.id,
                position=0,
                need_id=oee.id,
                feature="ZhiLink Edge E200 网关原生支持 FANUC / 三菱 / 华中数控等 100 多种协议。",
                advantage="不用改造设备, 一条线 2 周接入, OEE 和停机原因自动采集。",
                benefit="王总要的实时 OEE 看板在一期上线首月就能用, 不再等两天的手工报表。",
            ),
            FabStatement(
                visit_id=visit.id,
                position=1,
                need_id=it_owner.id,
                feature="开放 API + 低代码平台, 并提供源码级二开认证培训。",
                advantage="IT 部可以自己开发报表和 U8 集成, 不依赖我们排期。",
                benefit="张总的团队保持对系统的主导权, 同时省掉从零自研设备联网的 18 个月。",
            ),
        ]
    )
    return visit


def _upcoming_questions(c: dict[str, Contact]) -> list[PlannedQuestion]:
    rows = [
        ("eric", "explore", "vp_ops", "POC 之后, 您在管理例会上最常被问到的生产问题是什么?"),
        ("spin", "situation", "production", "现在夜班的设备停机和异常是怎么上报的? 谁来记录?"),
        ("spin", "problem", "production", "换型时间现在大概多长? 哪个环节最耽误?"),
        (
            "spin",
            "implication",
            "vp_ops",
            "如果明年博世审核时追溯做不到单件级, 对定点和订单会有什么影响?",
        ),
        (
            "type",
            "preset",
            "cfo",
            "为了把 ROI 测算做得贴近实际, 想了解一下: 贵司设备投资一般要求的回收期是多少?",
        ),
        ("eric", "refine", "cfo", "去年因追溯慢造成的索赔和返工, 财务上核算大概是多少?"),
        ("spin", "problem", "cio", "IT 部目前维护哪些自研系统? 团队精力大概怎么分配?"),
        (
            "spin",
            "need_payoff",
            "cio",
            "如果设备联网和数据采集由平台完成, IT 团队可以把精力放在哪些更有价值的工作上?",
        ),
        (
            "eric",
            "influence",
            "cio",
            "常州瑞拓的 IT 团队也是 5 个人, 他们用“平台 + 自研”分工; 您觉得这种模式在恒远可行吗?",
        ),
        (
            "eric",
            "influence",
            "cfo",
            "不少客户把市补贴申报和分期付款结合起来, 首年现金支出能降不少; 要不要我们一起测算?",
        ),
        (
            "eric",
            "confirm",
            "vp_ops",
            "我理解一期的首要目标是 OEE 实时可视和单件追溯, 年底前在 2 条线上线, 对吗?",
        ),
    ]
    return [
        PlannedQuestion(position=i, framework=fw, step=step, text=text, target_contact_id=c[who].id)
        for i, (fw, step, who, text) in enumerate(rows)
    ]
