"""The visit brief PDF, read back with poppler: what a rep would see on the printed pages."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.export.brief import BriefError, render_brief, render_briefs_for_day
from desktop.export.brief.labels import label
from desktop.services.demo import (
    ACCOUNT_NAME,
    MAIN_OPPORTUNITY_NAME,
    UPCOMING_VISIT_TITLE,
    load_demo,
)

TODAY = dt.date(2026, 11, 24)
VISIT_DAY = TODAY + dt.timedelta(days=1)  # the demo's upcoming visit is tomorrow at 10:00
HEADINGS = (
    "red_flags",
    "attendees",
    "decision_map",
    "snapshot",
    "competitors",
    "value_statement",
    "question_plan",
    "objections",
    "fab",
    "next_action",
    "close_plan",
    "notes",
)


# Reading PDFs back ---------------------------------------------------------------------------


def pdftext(path: Path, page: int | None = None) -> str:
    """The text in drawing order (-raw keeps each table cell's lines together)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout


def body_text(path: Path) -> str:
    """The text of every page without the running header and footer (cropped away), so a
    paragraph that continues on the next page reads as one."""
    width, height = (float(v) for v in page_size(path).split()[:3:2])
    top, bottom = 13 * 72 / 25.4, 12 * 72 / 25.4  # the brief's margins
    crop = ["-x", "0", "-y", str(int(top)), "-W", str(int(width)), "-H"]
    crop.append(str(int(height - top - bottom)))
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", *crop, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout


def squash(text: str) -> str:
    """Text without any whitespace: wrapped lines compare equal to the original string."""
    return re.sub(r"\s+", "", text)


def contains(haystack: str, needle: str) -> bool:
    return squash(needle) in squash(haystack)


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def page_size(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return re.search(r"^Page size:\s+(.*)$", info.stdout, re.M).group(1)


def fonts(path: Path) -> list[list[str]]:
    """pdffonts rows split into columns (name, type…, emb, sub, uni, object, id)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def has_heading(text: str, key: str, lang: str) -> bool:
    """A line that starts with the heading (a heading line may end with its visit step); the
    first line of a page starts with pdftotext's form feed."""
    return re.search(rf"^\f?{re.escape(label(key, lang))}(\s|$)", text, re.M) is not None


def first_line(path: Path, page: int) -> str:
    return next(line for line in pdftext(path, page).splitlines() if line.strip())


# Data --------------------------------------------------------------------------------------


@pytest.fixture
def demo(services):
    """The demo account, with the rep's name set, and its upcoming visit's id."""
    load_demo(services.db, today=TODAY)
    services.settings.set(rep_name="陈嘉怡 (Jiayi Chen)", company_name="智联云工 ZhiLink Cloud")
    visit, _ = services.visits.upcoming(VISIT_DAY, VISIT_DAY)[0]
    assert visit.title == UPCOMING_VISIT_TITLE
    return services.visits.get(visit.id)


def _plan_visit(services, opp_id: int, title: str, at: dt.datetime) -> int:
    visit = services.visits.plan(opp_id, title=title, starts_at=at, timezone="Asia/Shanghai")
    return visit.id


# The demo brief ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_brief_holds_the_plan_in_its_language(services, playbook, demo, tmp_path, lang):
    pdf = tmp_path / f"brief-{lang}.pdf"
    pages = render_brief(services, demo.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)

    # Two sheets, or three since the map prints names at 8.5 pt (issue 15) instead of 3.6 pt.
    assert pages == page_count(pdf) <= 3
    for needle in (
        ACCOUNT_NAME,
        MAIN_OPPORTUNITY_NAME,
        UPCOMING_VISIT_TITLE,
        "陈嘉怡 (Jiayi Chen)",
    ):
        assert contains(text, needle)
    for name in ("王磊", "张伟", "刘芳", "孙浩", "赵磊 (Leo Zhao)"):
        assert contains(text, name)
    # 张伟 has a controlling style; the brief reminds the rep how to pitch to him.
    tip = playbook.entry("communication_styles", "controlling").extra_text("pitch_tip", lang)
    assert contains(text, tip)
    for question in demo.questions:
        assert contains(text, question.text)
    for objection in demo.objections:
        assert contains(text, objection.response)
    assert contains(text, demo.objective)
    for key in HEADINGS:
        assert has_heading(text, key, lang), key
    assert has_heading(text, "objective", lang)
    other = "zh" if lang == "en" else "en"
    assert label("question_plan", other) not in text
    # Methodology words come from the playbook in the brief's language.
    assert playbook.label("visit_steps", "consult", lang) in text
    assert playbook.label("funnel_stages", "C", lang) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_font_is_embedded_and_subset(services, demo, tmp_path, lang):
    pdf = tmp_path / "brief.pdf"
    render_brief(services, demo.id, pdf, lang=lang)
    rows = fonts(pdf)
    assert rows
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "WenQuanYi" in row[0]


def test_decision_map_is_vector_and_names_the_whole_circle(services, demo, tmp_path):
    pdf = tmp_path / "brief.pdf"
    render_brief(services, demo.id, pdf, lang="en")
    text = pdftext(pdf)
    # Not attending, but in the decision circle: only the map shows them.
    for name in ("王建国", "李娜", "周敏", "赵晓燕", "吴涛", "黄志强"):
        assert name in text
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) == 2  # the header lines only: no raster images


@pytest.mark.parametrize(("paper", "size"), [("A4", "595.276 x 841.89"), ("Letter", "612 x 792")])
def test_paper_sizes(services, demo, tmp_path, paper, size):
    pdf = tmp_path / f"{paper}.pdf"
    for lang in ("en", "zh"):
        pages = render_brief(services, demo.id, pdf, lang=lang, paper=paper)
        assert page_size(pdf).startswith(size)
        assert pages <= 3  # the readable map can take the brief to a third page


def test_settings_choose_language_and_paper(services, demo, tmp_path, monkeypatch):
    pdf = tmp_path / "brief.pdf"
    services.settings.set(brief_language="zh", paper_size="Letter")
    render_brief(services, demo.id, pdf)
    assert label("objective", "zh") in pdftext(pdf)
    assert page_size(pdf).startswith("612 x 792")

    # "same" follows the interface language; "system" there follows the environment.
    services.settings.set(brief_language="same", language="en", paper_size="A4")
    render_brief(services, demo.id, pdf)
    assert label("objective", "en") in pdftext(pdf)
    assert page_size(pdf).startswith("595.276 x 841.89")

    services.settings.set(language="system")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    render_brief(services, demo.id, pdf)
    assert label("objective", "zh") in pdftext(pdf)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    render_brief(services, demo.id, pdf)
    assert label("objective", "en") in pdftext(pdf)


# Extremes --------------------------------------------------------------------------------------


def _extreme_visit(services) -> tuple[int, list[str]]:
    """Everything at the limits the services accept; returns the visit id and its questions."""
    long_cjk = "恒远精密超长名称测试" * 20  # 200 characters, no spaces
    account = services.accounts.create(name=long_cjk, alt_name="Very Long Name Ltd. " * 10)
    opp = services.opportunities.create(account.id, name="Opportunity " * 16 + "end", stage="B")
    people = []
    boss = None
    for i in range(30):
        # Contact names and titles are capped at 120 characters by the data model.
        name = (
            (f"Person{i:02d}-" + "Maximilian" * 12)[:120] if i % 3 == 0 else f"联系人{i:02d}" * 20
        )
        contact = services.contacts.create(
            account.id,
            name=name[:120],
            title=("Senior Vice President of Global Strategic Procurement " * 3)[:120],
            reports_to_id=boss if i % 4 else None,
            communication_style=("controlling", "analyzing", "advocating", "facilitating")[i % 4],
        )
        if i % 4 == 0:
            boss = contact.id
        services.opportunities.set_role(
            opp.id,
            contact.id,
            roles=[("decision_maker", "user", "technical_expert", "influencer", "coach")[i % 5]],
            attitude=("supporter", "neutral", "opponent", "unknown")[i % 4],
            influence=("high", "medium", "low")[i % 3],
        )
        people.append(contact.id)
    for i in range(12):
        services.opportunities.add_competitor(
            opp.id,
            name=f"竞争对手 Competitor {i} " + "Holdings " * 20,
            strengths="强大的本地团队与价格优势。" * 15,
            weaknesses="Slow delivery and weak support for domestic controllers. " * 8,
            has_insider=i % 2 == 0,
            insider_level="高层 senior" * 10 if i % 2 == 0 else "",
            strategy="Compete on time-to-value and three-year cost; 强调本地服务。" * 6,
        )
    visit = services.visits.plan(
        opp.id,
        title="极限测试拜访 Extreme visit " * 6,
        starts_at=dt.datetime(2026, 11, 25, 9, 0),
        timezone="Asia/Shanghai",
        place="Building " * 30,
        objective=("目标与承诺:获得项目小组对方案范围的认可,并约定参观时间。" * 100)[:3000],
        best_commitment="Best " * 200,
        min_commitment="最低" * 300,
        value_statement="我们是谁 " * 100,
        next_action="reference_visit",
        next_action_detail="下一步 " * 120,
        close_technique="summary",
        close_plan="Close the meeting by summarising. " * 40,
    )
    for contact_id in people:
        services.visits.add_item(visit.id, "attendee", contact_id=contact_id)
    services.visits.add_item(visit.id, "attendee", name="我方 " * 20, meeting_role="Demo " * 20)
    frameworks = [
        ("eric", "explore"),
        ("eric", "refine"),
        ("spin", "implication"),
        ("type", "preset"),
        ("spin", "need_payoff"),
    ]
    questions = []
    for i in range(50):
        framework, step = frameworks[i % len(frameworks)]
        text = f"Q{i:02d} " + ("现在的流程是怎样的? How is it done today? " * (1 + i % 6))
        services.visits.add_item(
            visit.id,
            "question",
            framework=framework,
            step=step,
            text=text,
            target_contact_id=people[i % len(people)],
        )
        questions.append(text)
    for i in range(10):
        services.visits.add_item(
            visit.id,
            "objection",
            type="price",
            method="compensate",
            text=f"异议 {i}: " + "价格太高 " * 30,
            response=f"回应 {i}: " + "Our three-year cost is lower. " * 20,
        )
    for _ in range(6):
        services.visits.add_item(
            visit.id, "fab", feature="特点 " * 40, advantage="Advantage " * 30, benefit="利益 " * 50
        )
    return visit.id, questions


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_extreme_brief_flows_over_pages_and_loses_nothing(services, tmp_path, lang):
    visit_id, questions = _extreme_visit(services)
    pdf = tmp_path / "extreme.pdf"
    pages = render_brief(services, visit_id, pdf, lang=lang, paper="A4")
    assert pages == page_count(pdf) > 2
    text = body_text(pdf)
    for question in questions:  # every question whole: nothing cut off at a page or cell edge
        assert contains(text, question)
    visit = services.visits.get(visit_id)
    assert contains(text, visit.objective)
    assert contains(text, visit.close_plan)
    # Every page renders to an image (no broken page) and carries the "page X of Y" footer.
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pages
    for page in range(1, pages + 1):
        footer = label("page", lang, page=page, pages=pages)
        assert squash(footer) in squash(pdftext(pdf, page))


def test_empty_visit_has_no_empty_sections(services, tmp_path):
    account = services.accounts.create(name="Empty Co")
    opp = services.opportunities.create(account.id, name="Nothing yet")
    visit = services.visits.plan(opp.id)
    pdf = tmp_path / "empty.pdf"
    for lang in ("en", "zh"):
        assert render_brief(services, visit.id, pdf, lang=lang) == 1
        text = pdftext(pdf)
        assert "Empty Co" in text and "Nothing yet" in text
        for key in HEADINGS:
            if key in ("red_flags", "notes"):  # the gaps are the point; notes are for the pen
                assert has_heading(text, key, lang)
            else:
                assert not has_heading(text, key, lang), key
        for key in ("objective", "best_commitment", "when", "where", "prepared_by"):
            assert not has_heading(text, key, lang), key
        # The plan's gaps are listed, e.g. the missing objective.
        assert "Set the objective" in text or "设定本次拜访的目标" in text


def test_markup_characters_in_user_text_print_as_typed(services, tmp_path):
    account = services.accounts.create(name="R&D <Labs> & Co")
    opp = services.opportunities.create(account.id, name="A<B> && C")
    visit = services.visits.plan(
        opp.id, objective="Cut cost by > 5% & keep <b>quality</b>\nsecond line"
    )
    pdf = tmp_path / "markup.pdf"
    render_brief(services, visit.id, pdf, lang="en")
    text = pdftext(pdf)
    for needle in ("R&D <Labs> & Co", "A<B> && C", "Cut cost by > 5% & keep <b>quality</b>"):
        assert needle in text
    assert "second line" in text


# Several briefs, errors -------------------------------------------------------------------------


def test_day_batch_starts_each_visit_on_its_own_page(services, demo, tmp_path):
    opp_id = demo.opportunity_id
    early = _plan_visit(services, opp_id, "Breakfast with the CFO", dt.datetime(2026, 11, 25, 8, 0))
    _plan_visit(services, opp_id, "Next-day workshop", dt.datetime(2026, 11, 26, 9, 0))
    single = tmp_path / "single.pdf"
    first_pages = render_brief(services, early, single, lang="en")
    demo_pages = render_brief(services, demo.id, single, lang="en")

    pdf = tmp_path / "day.pdf"
    pages = render_briefs_for_day(services, VISIT_DAY, pdf, lang="en")
    assert pages == page_count(pdf) == first_pages + demo_pages
    text = pdftext(pdf)
    assert "Next-day workshop" not in text
    # In time order, each brief's kicker and title at the top of its first page.
    assert first_line(pdf, 1) == label("brief", "en")
    assert "Breakfast with the CFO" in pdftext(pdf, 1)
    start = first_pages + 1
    assert first_line(pdf, start) == label("brief", "en")
    assert contains(pdftext(pdf, start).split(ACCOUNT_NAME)[0], UPCOMING_VISIT_TITLE)
    # Page numbers count within each brief.
    assert squash(label("page", "en", page=1, pages=demo_pages)) in squash(pdftext(pdf, start))


def test_day_without_visits_is_refused(services, demo, tmp_path):
    pdf = tmp_path / "none.pdf"
    with pytest.raises(BriefError, match="No visits on 2026-11-24"):
        render_briefs_for_day(services, TODAY, pdf)
    assert not pdf.exists()


def test_writes_atomically_and_refuses_missing_folders(services, demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "brief.pdf"
    pdf.write_bytes(b"old")
    render_brief(services, demo.id, pdf, lang="en")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["brief.pdf"]  # no temporary file left behind
    with pytest.raises(BriefError, match="does not exist"):
        render_brief(services, demo.id, tmp_path / "missing" / "brief.pdf")


# The command line ------------------------------------------------------------------------------


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    assert run_cli("demo", data=folder).returncode == 0
    return folder


def _upcoming_id(folder: Path) -> int:
    visits = json.loads(run_cli("list", "visits", "--json", data=folder).stdout)
    return next(v["id"] for v in visits if v["status"] == "ready")


def test_cli_exports_a_brief(demo_dir, tmp_path):
    pdf = tmp_path / "cli.pdf"
    visit = _upcoming_id(demo_dir)
    result = run_cli(
        "export",
        "brief",
        "--visit",
        str(visit),
        "-o",
        str(pdf),
        "--lang",
        "zh",
        "--paper",
        "Letter",
        data=demo_dir,
    )
    assert result.returncode == 0, result.stderr
    assert page_count(pdf) <= 3  # the readable map can take the brief to a third page
    assert page_size(pdf).startswith("612 x 792")
    assert label("objective", "zh") in pdftext(pdf)


def test_cli_exports_a_day_of_briefs(demo_dir, tmp_path):
    pdf = tmp_path / "day.pdf"
    visits = json.loads(run_cli("list", "visits", "--json", data=demo_dir).stdout)
    day = next(v["starts_at"] for v in visits if v["status"] == "ready")[:10]
    result = run_cli("export", "briefs", "--date", day, "-o", str(pdf), data=demo_dir)
    assert result.returncode == 0, result.stderr
    assert page_count(pdf) >= 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief", "--visit", "999999"), "no longer exists"),
        (("briefs", "--date", "2026-13-45"), "not a date"),
        (("briefs", "--date", "1999-01-01"), "No visits on 1999-01-01"),
    ],
)
def test_cli_errors_are_one_line(demo_dir, tmp_path, args, message):
    result = run_cli("export", *args, "-o", str(tmp_path / "x.pdf"), data=demo_dir)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_refuses_an_unwritable_path(demo_dir, tmp_path):
    visit = _upcoming_id(demo_dir)
    target = tmp_path / "no" / "such" / "dir" / "x.pdf"
    result = run_cli("export", "brief", "--visit", str(visit), "-o", str(target), data=demo_dir)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_importing_the_exporters_leaves_reportlab_unloaded():
    """The window imports these at start-up; reportlab loads only when a brief is made."""
    code = "import sys, desktop.export.brief, desktop.export.ics; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_cli_takes_the_day_as_a_rep_writes_it(demo_dir, tmp_path):
    visits = json.loads(run_cli("list", "visits", "--json", data=demo_dir).stdout)
    iso = next(v["starts_at"] for v in visits if v["status"] == "ready")[:10]
    year, month, day = iso.split("-")
    pdf = tmp_path / "day.pdf"
    written = f"{int(year)}年{int(month)}月{int(day)}日"
    result = run_cli("export", "briefs", "--date", written, "-o", str(pdf), data=demo_dir)
    assert result.returncode == 0, result.stderr
    assert page_count(pdf) >= 1
