"""A seeded generator of realistic bilingual data for the benchmarks.

Sizes: S (1k accounts, 10k contacts), M (10k, 100k), L (50k, 1M), each with opportunities,
visit plans, planned questions, objections and call reports. Rows are written with plain
``executemany`` in one transaction per table (the ORM would take minutes at L), then the search
index is rebuilt the same way the app's own hook would write it.

    python -m benchmarks.generate M /tmp/bench-M      # creates /tmp/bench-M/callbrief.sqlite3
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.segment import segment_code
from desktop.domain.text_search import index_text
from desktop.paths import database_path
from desktop.store.database import open_database

SIZES = {"S": (1_000, 10), "M": (10_000, 10), "L": (50_000, 20)}  # accounts, contacts each

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志宏云飞鹏辉玲婷雪琳晨浩宇思雨欣"
EN_FIRST = "Anna Ben Chloe David Emma Frank Grace Henry Iris Jack Kevin Laura Mike Nina".split()
EN_LAST = "Smith Müller Brown Schmidt Garcia Rossi Dubois Tanaka Kim Nguyen Silva Novak".split()
CITIES = "苏州 上海 北京 深圳 杭州 南京 成都 武汉 西安 天津 青岛 宁波 无锡 佛山 东莞 合肥".split()
CITY_EN = {
    "苏州": "Suzhou",
    "上海": "Shanghai",
    "北京": "Beijing",
    "深圳": "Shenzhen",
    "杭州": "Hangzhou",
    "南京": "Nanjing",
    "成都": "Chengdu",
    "武汉": "Wuhan",
    "西安": "Xi'an",
    "天津": "Tianjin",
    "青岛": "Qingdao",
    "宁波": "Ningbo",
    "无锡": "Wuxi",
    "佛山": "Foshan",
    "东莞": "Dongguan",
    "合肥": "Hefei",
}
WORDS = "恒远 华东 精工 新力 宏达 金桥 联创 博源 天成 瑞丰 中科 海德 英泰 鼎盛 睿信 安和".split()
WORDS_EN = "Hengyuan Huadong Jinggong Xinli Hongda Jinqiao Lianchuang Boyuan".split()
INDUSTRIES = [
    ("精密制造", "Precision Manufacturing"),
    ("电力设备", "Power Equipment"),
    ("汽车零部件", "Auto Parts"),
    ("医疗器械", "Medical Devices"),
    ("物流", "Logistics"),
    ("化工", "Chemicals"),
    ("食品饮料", "Food & Beverage"),
    ("电子", "Electronics"),
]
TITLES = [
    "总经理",
    "CIO",
    "IT总监",
    "采购经理",
    "生产副总",
    "财务总监 CFO",
    "质量经理",
    "工程师",
    "Plant Manager",
    "Head of Procurement",
    "设备主管",
    "总经理助理",
]
DEPARTMENTS = ["总经办", "信息部 IT", "采购部", "生产部", "财务部", "质量部", "设备部", "Sales"]
ROLES = ["decision_maker", "user", "technical_expert", "influencer", "coach"]
STYLES = ["controlling", "analyzing", "advocating", "facilitating"]
ATTITUDES = ["supporter", "neutral", "opponent", "unknown"]
STAGES = "ABCDEF"


def _now() -> str:
    return datetime(2026, 11, 1, 9, 0).isoformat(sep=" ")


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _person(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.85:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        alt = rng.choice(EN_FIRST) if rng.random() < 0.3 else ""
        return name, alt
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}", ""


def _phone(rng: random.Random) -> str:
    middle, last = rng.randint(0, 9999), rng.randint(0, 9999)
    return f"1{rng.choice('3578')}{rng.randint(0, 9)}-{middle:04d}-{last:04d}"


def _batched(rows: Iterator[tuple], size: int = 20_000) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(folder: Path, size: str, seed: int = 7) -> dict[str, int]:
    """Create ``folder``'s data file filled with the ``size`` dataset; returns row counts."""
    accounts, per_account = SIZES[size]
    path = database_path(folder)
    if path.exists():
        raise SystemExit(f"{path} exists; generate into an empty folder")
    open_database(path).close()  # the real schema, through the migrations
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")  # a throw-away dataset: speed over durability
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("BEGIN")
    now = _now()
    counts = dict.fromkeys(("accounts", "contacts", "opportunities", "visits", "questions"), 0)

    def account_rows() -> Iterator[tuple]:
        for i in range(1, accounts + 1):
            city = rng.choice(CITIES)
            industry, industry_en = rng.choice(INDUSTRIES)
            word = rng.choice(WORDS)
            seg = (rng.choice("EF"), rng.choice("12"), rng.choice("ABCD"), rng.choice("123"))
            yield (
                i, _uid(rng), f"{city}{word}{industry}有限公司{i}",
                f"{CITY_EN[city]} {rng.choice(WORDS_EN)} {industry_en} Co. {i}", industry, city,
                rng.randint(50, 20_000), rng.randint(5, 5_000) * 1_000_000, "CNY",
                rng.choice(("key", "ordinary", "small")), *seg, segment_code(*seg), now, now,
            )  # fmt: skip

    sql = (
        "INSERT INTO accounts (id, uid, name, alt_name, industry, city, headcount, annual_revenue,"
        " currency, pyramid_tier, seg_recognition, seg_pain, seg_status, seg_profit_tier,"
        " segment_code, created_at, updated_at, address, website, main_business,"
        " industry_position, org_structure, history, past_cooperation, opinion_of_us, notes)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','','','','','','')"
    )
    for batch in _batched(account_rows()):
        con.executemany(sql, batch)
        counts["accounts"] += len(batch)

    def contact_rows() -> Iterator[tuple]:
        cid = 0
        for account_id in range(1, accounts + 1):
            first = cid + 1
            for k in range(per_account):
                cid += 1
                name, alt = _person(rng)
                manager = None if k == 0 else first + (k - 1) // 3
                yield (
                    cid, _uid(rng), account_id, name, alt, rng.choice(TITLES),
                    rng.choice(DEPARTMENTS), manager, _phone(rng), f"user{cid}@example.cn",
                    rng.choice(STYLES), json.dumps(["results"]), now, now,
                )  # fmt: skip

    sql = (
        "INSERT INTO contacts (id, uid, account_id, name, alt_name, title, department,"
        " reports_to_id, phone_mobile, email, communication_style, priorities, created_at,"
        " updated_at, phone_office, wechat, background, business_needs, personal_needs,"
        " needs_notes, relationship_notes)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','[]','[]','','')"
    )
    for batch in _batched(contact_rows()):
        con.executemany(sql, batch)
        counts["contacts"] += len(batch)

    # Two opportunities per account; roles for the first five people; one visit each.
    start = datetime(2026, 11, 23, 8, 0)
    opp_rows, role_rows, visit_rows, question_rows = [], [], [], []
    oid = vid = 0
    for account_id in range(1, accounts + 1):
        first_contact = (account_id - 1) * per_account + 1
        for n in range(2):
            oid += 1
            stage = rng.choice(STAGES)
            opp_rows.append((oid, _uid(rng), account_id, f"MES 项目 {oid}" if n == 0 else
                             f"Supply chain portal {oid}", stage, rng.randint(1, 90) * 100_000,
                             now, now))  # fmt: skip
            if n == 0:
                for r, role in enumerate(ROLES):
                    attitude, influence = rng.choice(ATTITUDES), rng.choice(("high", "medium"))
                    role_rows.append(
                        (_uid(rng), oid, first_contact + r, json.dumps([role]), attitude, influence)
                    )
            vid += 1
            when = start + timedelta(days=rng.randint(-60, 30), hours=rng.randint(0, 9))
            done = when < start
            visit_rows.append((vid, _uid(rng), oid, f"拜访 {vid}", when.isoformat(sep=" "),
                               "Asia/Shanghai", "done" if done else "draft",
                               "确认试点范围 / agree the pilot scope",
                               "客户同意 POC" if done else "", now, now))  # fmt: skip
            for q, step in enumerate(("situation", "problem", "implication", "need_payoff")):
                text = f"问题 {q}: 目前的排产方式是什么?"
                question_rows.append((_uid(rng), vid, q, "spin", step, text))
    con.executemany(
        "INSERT INTO opportunities (id, uid, account_id, name, stage, budget_amount, created_at,"
        " updated_at, budget_currency, budget_source, budget_confirmed_by, purchase_timeline,"
        " lead_department, deciding_department, decision_steps, pains, qualification,"
        " risk_notes, our_strengths, our_weaknesses)"
        " VALUES (?,?,?,?,?,?,?,?,'CNY','','','','','','[]','','{}','','','')",
        opp_rows,
    )
    con.executemany(
        "INSERT INTO buying_roles (uid, opportunity_id, contact_id, roles, attitude, influence,"
        " notes) VALUES (?,?,?,?,?,?,'')",
        role_rows,
    )
    text_cols = (
        "place, research_notes, best_commitment, min_commitment, info_needed, logistics,"
        " vs_who, vs_what, vs_why, value_statement, reference, consult_notes,"
        " next_action_detail, close_plan, quick_notes, report_commitment_notes"
    )
    blanks = ",".join(["''"] * 16)
    con.executemany(
        "INSERT INTO visits (id, uid, opportunity_id, title, starts_at, timezone, status,"
        f" objective, report_outcome, created_at, updated_at, duration_min, checklist, {text_cols})"
        f" VALUES (?,?,?,?,?,?,?,?,?,?,?,60,'{{}}',{blanks})",
        visit_rows,
    )
    con.executemany(
        "INSERT INTO planned_questions (uid, visit_id, position, framework, step, text, asked,"
        " answer) VALUES (?,?,?,?,?,?,0,'')",
        question_rows,
    )
    counts.update(opportunities=len(opp_rows), visits=len(visit_rows), questions=len(question_rows))
    _index(con)
    con.execute("COMMIT")
    con.execute("PRAGMA optimize")
    con.close()
    return counts


def _index(con: sqlite3.Connection) -> None:
    """Fill the search index as the app's hook would (see desktop/store/search_index.py)."""
    con.execute("DELETE FROM search_fts")
    queries = {
        0: "SELECT id, name, alt_name, industry || ' ' || city || ' ' || segment_code, id"
        " FROM accounts",
        1: "SELECT id, name, alt_name, title || ' ' || department || ' ' || email || ' ' ||"
        " phone_mobile, account_id FROM contacts",
        2: "SELECT id, name, '', pains, account_id FROM opportunities",
    }
    for code, query in queries.items():
        rows = (
            (rid * 4 + code, index_text(name, alt), index_text(body), account_id)
            for rid, name, alt, body, account_id in con.execute(query)
        )
        for batch in _batched(rows):
            con.executemany(
                "INSERT INTO search_fts(rowid, title, body, account_id) VALUES (?,?,?,?)", batch
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.folder, args.size, args.seed)
    print(f"{args.size}: {counts} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
