"""The decision map exported as PNG, SVG and PDF, read back with QImage, xml.etree and poppler."""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.export.map.paint import map_size
from desktop.export.map.render import PNG_SCALE, MapExportError, export_map, write_map
from desktop.export.map.style import MapLabels
from desktop.services.decision_map import MapService
from desktop.services.demo import ACCOUNT_NAME, load_demo

TODAY = dt.date(2026, 11, 24)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def demo(services, qapp):
    """The demo's main opportunity (qapp first: the exports need a GUI application)."""
    account_id = load_demo(services.db, today=TODAY)
    opp = services.opportunities.for_account(account_id)[0]
    return opp.id, MapService(services).load(opp.id)


def _expected(services, data, lang):
    pb = services.playbook
    names = {p.name for p in data.people}
    titles = {p.title for p in data.people}
    legend = {pb.label("roles", r, lang) for r in pb.keys("roles")}
    legend |= {pb.label("attitudes", a, lang) for a in pb.keys("attitudes")}
    legend |= {pb.label("influence_levels", i, lang) for i in pb.keys("influence_levels")}
    return names, titles, legend


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_svg_has_every_name_title_role_and_reporting_line(services, demo, tmp_path):
    opp_id, data = demo
    out = tmp_path / "map.svg"
    export_map(services, opp_id, out, lang="zh", today=TODAY)
    texts = _svg_texts(out)
    names, titles, legend = _expected(services, data, "zh")
    assert names <= set(texts)  # 王建国, 刘芳 … each as its own text element
    # Qt writes a run of Latin text and a run of Chinese as separate elements, and long titles
    # are elided with "…": compare each title's start with the text run together.
    compact = "".join("".join(texts).split())
    for title in titles:
        assert "".join(title.split())[:6] in compact
    assert legend <= set(texts)  # 决策者, 支持者, 高 …
    assert ACCOUNT_NAME in compact
    # One orthogonal connector per reporting line (plus the sample in the legend).
    root = ET.parse(out).getroot()
    line_colour = [
        g
        for g in root.iter(f"{SVG}g")
        if g.get("stroke") == "#5f7480" and any(True for _ in g.iter(f"{SVG}path"))
    ]
    paths = sum(1 for g in line_colour for _ in g.iter(f"{SVG}path"))
    assert len(data.lines()) == 9
    assert paths == len(data.lines()) + 1


def test_pdf_has_the_same_content_with_chinese_as_text(services, demo, tmp_path):
    opp_id, data = demo
    out = tmp_path / "map.pdf"
    export_map(services, opp_id, out, lang="zh", today=TODAY)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    names, _, legend = _expected(services, data, "zh")
    for word in names | legend | {ACCOUNT_NAME, "总经理 General Manager", "截至 2026/11/24"}:
        assert word in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts  # the CJK font is embedded
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "842 x 595 pts (A4)" in info  # A4, landscape for a wide chart


def test_pdf_follows_the_paper_size_setting(services, demo, tmp_path):
    opp_id, _ = demo
    services.settings.set(paper_size="Letter")
    out = tmp_path / "map.pdf"
    export_map(services, opp_id, out, lang="en", today=TODAY)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "792 x 612 pts (letter)" in info


def test_png_is_print_resolution_and_not_blank(services, demo, tmp_path):
    from PySide6.QtGui import QColor, QImage

    opp_id, data = demo
    out = tmp_path / "map.png"
    export_map(services, opp_id, out, lang="en", today=TODAY)
    image = QImage(str(out))
    assert not image.isNull()
    width, height = map_size(data, MapLabels.build(services.playbook, "en"))
    assert image.width() == round(width * PNG_SCALE)
    assert image.height() == round(height * PNG_SCALE)
    assert round(image.dotsPerMeterX() * 0.0254) == 288  # 3 × 96 dpi
    # The supporter green, the opponent red and dark text all appear somewhere.
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert QColor("#dcefd8").name() in colours
    assert QColor("#f8d5d8").name() in colours
    assert len(colours) > 20


def test_english_labels_when_asked(services, demo, tmp_path):
    opp_id, data = demo
    out = tmp_path / "map.svg"
    export_map(services, opp_id, out, lang="en", today=TODAY)
    texts = set(_svg_texts(out))
    assert {"Decision maker", "Supporter", "Opponent", "High", "Legend"} <= texts
    assert {p.name for p in data.people} <= texts


def test_a_200_person_circle_exports(services, qapp, tmp_path):
    account = services.accounts.create(name="Big Co")
    opp = services.opportunities.create(account.id, name="Group-wide rollout")
    ids: list[int] = []
    for i in range(200):
        manager = ids[(i - 1) // 4] if i else None
        ids.append(services.contacts.create(account.id, name=f"人员 {i}", reports_to_id=manager).id)
    data = MapService(services).load(opp.id)
    out = tmp_path / "big.png"
    write_map(data, MapLabels.build(services.playbook, "zh"), out)
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert not image.isNull() and max(image.width(), image.height()) <= 16000
    svg = tmp_path / "big.svg"
    write_map(data, MapLabels.build(services.playbook, "zh"), svg)
    assert {f"人员 {i}" for i in range(200)} <= set(_svg_texts(svg))


def test_unknown_format_and_missing_folder_write_nothing(services, demo, tmp_path):
    opp_id, _ = demo
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(MapExportError, match=r"\.png, \.svg or \.pdf"):
        export_map(services, opp_id, out / "map.gif")
    with pytest.raises(OSError):
        export_map(services, opp_id, out / "missing" / "map.png")
    assert list(out.iterdir()) == []


def test_cli_exports_the_map(services, demo, tmp_path, db_path, capsys):
    from desktop.cli import main

    opp_id, data = demo
    out = tmp_path / "cli.svg"
    services.db.close()
    code = main(
        [
            "--data-dir",
            str(db_path.parent),
            "export",
            "map",
            "--opportunity",
            str(opp_id),
            "-o",
            str(out),
            "--lang",
            "zh",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert {p.name for p in data.people} <= set(_svg_texts(out))
    code = main(
        [
            "--data-dir",
            str(db_path.parent),
            "export",
            "map",
            "--opportunity",
            "999",
            "-o",
            str(tmp_path / "x.png"),
        ]
    )
    assert code == 1
    assert "no longer exists" in capsys.readouterr().err
