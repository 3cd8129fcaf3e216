"""The decision map on paper at any circle size: readable type, every person printed, pages.

Generated circles of 5, 20, 60 and 200 people (``benchmarks/circles.py``) go through the map
PDF (Qt) and the brief (reportlab); ``pdftotext -bbox`` gives each word's box, whose height
is the font's ascent plus descent as the PDF declares them: Qt's PDFs declare WenQuanYi Micro
Hei's box as 1.17 em, reportlab's as 1.005 em (measured on text of a known size).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from benchmarks.circles import make_circle
from desktop.export.brief import render_brief, render_briefs_for_day
from desktop.export.map.render import export_map
from desktop.services.decision_map import MapService
from desktop.services.demo import load_demo

QT_BOX = 1.17  # word box height per point of font size in the map PDF (Qt)
RL_BOX = 1.005  # and in the brief (reportlab)
WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def words(pdf: Path, box: float) -> list[list[tuple[float, str]]]:
    """Per page, (font size in points, text) of every word."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [((float(b) - float(a)) / box, w) for a, b, w in WORD.findall(page)]
        for page in html.split("<page ")[1:]
    ]


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    ]


def people(services, opp_id: int) -> list[tuple[str, str]]:
    account_id = services.opportunities.get(opp_id).account_id
    return [(c.name, c.title) for c in services.contacts.for_account(account_id)]


def sizes_of(pages: list[list[tuple[float, str]]], name: str) -> list[float]:
    """Sizes of the Chinese part of a name ("王建国 0" prints as the words "王建国" and "0")."""
    head = name.split()[0]
    return [size for page in pages for size, w in page if w == head]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("n", [5, 20, 60, 200])
def test_map_pdf_prints_every_name_readably(services, qapp, tmp_path, n, paper):
    opp_id, _ = make_circle(services, n)
    pdf = tmp_path / "map.pdf"
    export_map(services, opp_id, pdf, lang="zh", paper=paper)
    pages = words(pdf, QT_BOX)
    text = "".join(w for page in pages for _, w in page)
    for name, _ in people(services, opp_id):
        assert "".join(name.split()) in text  # nobody lost between pages
        assert min(sizes_of(pages, name)) >= 8.0 - 0.1
    # Nothing on any page is smaller than a title's 6.5 pt, whatever the circle's size.
    smallest = min(size for page in pages for size, _ in page)
    assert smallest >= 6.0  # department and role badges: 6.2 pt
    titles = [s for page in pages for s, w in page if w.startswith("采购经理")]
    assert titles and min(titles) >= 6.5 - 0.1
    if n <= 20:
        assert len(pages) == 1
    if n == 200:
        assert "续见第" in text  # branches say where they continue


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("n", [5, 20, 60, 200])
def test_brief_map_is_readable_and_the_whole_circle_follows(services, tmp_path, n, paper):
    opp_id, visit_id = make_circle(services, n)
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit_id, pdf, lang="zh", paper=paper)
    pages = words(pdf, RL_BOX)
    text = "".join(w for page in pages for _, w in page)
    # The attendee table sets names as body text (7.6 pt); on the map they are 8.5 pt.
    for name, _ in people(services, opp_id):
        assert "".join(name.split()) in text
        assert max(sizes_of(pages, name)) >= 8.0 - 0.1
    sheets = [page for page in pages if any(w.startswith("决策圈地图") for _, w in page)]
    heads = {name.split()[0] for name, _ in people(services, opp_id)}
    for page in sheets[1:] if n >= 60 else []:  # the sheets at the end: nothing but the map
        assert min(s for s, w in page if w in heads) >= 8.0 - 0.1
        assert min((s for s, w in page if w.startswith("采购经理")), default=9) >= 6.5 - 0.1
    if n >= 60:
        assert f"共{n}人" in text
        assert len(sheets) > 2  # the section, then the whole circle on sheets of its own
    if n == 200:  # a wide chart: its sheets are turned, the brief's own pages are not
        sizes = page_sizes(pdf)
        assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]


def test_day_batch_prints_every_visit_map_readably(services, tmp_path):
    day = dt.date(2026, 12, 1)
    opps = [make_circle(services, n, day)[0] for n in (20, 60)]
    pdf = tmp_path / "day.pdf"
    render_briefs_for_day(services, day, pdf, lang="zh", paper="Letter")
    pages = words(pdf, RL_BOX)
    text = "".join(w for page in pages for _, w in page)
    for opp_id in opps:
        for name, _ in people(services, opp_id):
            assert "".join(name.split()) in text
            assert max(sizes_of(pages, name)) >= 8.0 - 0.1


def test_map_pdf_keeps_the_boxes_the_rep_dragged(services, qapp, tmp_path):
    """A small map the rep arranged by hand prints as arranged (at print size)."""
    account_id = load_demo(services.db, today=dt.date(2026, 11, 24))
    opp_id = services.opportunities.for_account(account_id)[0].id
    maps = MapService(services)
    data = maps.load(opp_id)
    boss = next(p for p in data.people if p.name == "王建国")
    left, _, _, bottom = data.bounds()
    maps.save_positions({boss.id: (left, bottom + 40)})  # dragged under everyone
    pdf = tmp_path / "map.pdf"
    export_map(services, opp_id, pdf, lang="zh")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    tops = {w: float(y) for y, w in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)}
    others = [tops[p.name] for p in data.people if p.name in tops and p.name != "王建国"]
    assert len(others) >= 8
    assert tops["王建国"] > max(others)  # lower on the page than every other name
    assert len(words(pdf, QT_BOX)) == 1


def test_brief_keeps_the_boxes_the_rep_dragged(services, tmp_path):
    """A circle the rep arranged by hand, narrow enough for the page, prints as arranged."""
    opp_id, visit_id = make_circle(services, 5)
    maps = MapService(services)
    data = maps.load(opp_id)
    boss = next(p for p in data.people if p.manager_id is None)
    left, _, _, bottom = data.bounds()
    maps.save_positions({boss.id: (left, bottom + 40)})  # dragged under everyone
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit_id, pdf, lang="zh", paper="A4")
    pages = words(pdf, RL_BOX)
    # Map names only: set at 8.5 pt, larger than the tables' 7.6 pt.
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)
    tops = {w: float(a) for a, b, w in found if (float(b) - float(a)) / RL_BOX >= 8.2}
    heads = [p.name.split()[0] for p in data.people]
    boss_head = boss.name.split()[0]
    others = [tops[h] for h in heads if h in tops and h != boss_head]
    assert len(pages) == 1 and len(others) == 4
    assert tops[boss_head] > max(others)
