"""The pipeline review PDF, written as a rep writes it (``callbrief export pipeline``) and read
back: one page, the figures of the demo's pipeline in English and Chinese, the fonts embedded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, data: Path):
    cmd = [sys.executable, "-m", "desktop", "--data-dir", str(data), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)


def pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return out.stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", data=folder).returncode == 0
    return folder


def test_the_review_in_english_and_chinese(demo_dir, tmp_path):
    en, zh = tmp_path / "review.pdf", tmp_path / "评审.pdf"
    result = run("export", "pipeline", "-o", str(en), "--lang", "en", data=demo_dir)
    assert result.returncode == 0, result.stderr
    assert "2 open deals" in result.stdout
    assert run("export", "pipeline", "-o", str(zh), "--lang", "zh", data=demo_dir).returncode == 0
    assert pages(en) == pages(zh) == 1

    text = pdftext(en)
    assert "Pipeline review" in text and "2 open deals" in text
    assert "C · Solution proof" in text and "1 · 1,600,000 CNY" in text  # 3.2M × 50 %
    assert "2027-02" in text and "Key account" in text and "E1B2" in text
    assert "Decision point “maybe”" in text and "Paid short study" in text

    text = pdftext(zh)
    assert "商机管道回顾" in text and "在谈商机 2 个" in text
    assert "C · 方案论证" in text and "关键客户" in text
    assert "苏州恒远精密制造有限公司" in text
    assert "决策点“也许”" in text and "付费短期调研" in text and "安排下一次拜访" in text

    fonts = subprocess.run(["pdffonts", str(zh)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), rows  # emb: every font embedded
    assert any("WenQuanYiMicroHei" in row[0] for row in rows)


def test_filters_and_refusals(demo_dir, tmp_path):
    out = tmp_path / "c.pdf"
    result = run("export", "pipeline", "-o", str(out), "--stage", "C", data=demo_dir)
    assert result.returncode == 0 and "1 open deals" in result.stdout
    stage_a = next(line for line in pdftext(out).splitlines() if "A · Understand" in line)
    assert "0 · 0 CNY" in stage_a  # the deal at stage A is filtered out
    bad = run("export", "pipeline", "-o", str(tmp_path / "x.pdf"), "--stage", "F", data=demo_dir)
    assert bad.returncode != 0 and "open stages A, B, C, D, E" in bad.stderr
    again = run("export", "pipeline", "-o", str(out), data=demo_dir)
    assert again.returncode != 0 and "--force" in again.stderr
